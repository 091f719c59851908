package io.firebreak.systemtests;

import static io.firebreak.devstack.FirebreakService.MONITORING;
import static io.firebreak.devstack.FirebreakService.PLAYBOOK;
import static io.firebreak.devstack.FirebreakService.PUBLISHING;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.firebreak.devstack.emulator.PlatformEmulator;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Answering critics through the whole system, on the packaged services: an angry customer posts on the (emulated)
 * Mastodon, the post reaches monitoring-service, the crisis inbox shows it, and a reply goes out in the customer's
 * thread once. The mistakes a tired team makes at 3 a.m. are refused with a clear 4xx and post nothing: a reply to
 * a mention that does not exist, from a channel that cannot reply, in anger, or a second time to the same post.
 */
class ReplyToCriticsIT {

    private static final Duration PATIENCE = Duration.ofMinutes(2);

    private final String run = Long.toString(System.nanoTime() % 1_000_000_000L, 36);

    @Test
    void aCriticIsAnsweredOnceInTheirThreadAndEveryMistakeIsRefusedWithoutPosting() {
        String watchId = given().auth().oauth2(KeycloakTokens.of("analyst")).contentType(ContentType.JSON)
                .body(Map.of("name", "Banque Horizon (replies " + run + ")", "query", "\"banque horizon\"",
                        "languages", List.of("en", "fr")))
                .post(RunningSystem.url(MONITORING) + "/api/watches").then().statusCode(201).extract().path("id");
        String mastodon = createChannel("Mastodon (replies " + run + ")", "MASTODON", Map.of(
                "baseUrl", RunningSystem.get().emulatorUrl() + "/mastodon", "account", "firebreak",
                "credentials", Map.of("accessToken", PlatformEmulator.MASTODON_TOKEN)));
        String slack = createChannel("Slack (replies " + run + ")", "SLACK_WEBHOOK", Map.of(
                "credentials", Map.of("webhookUrl", RunningSystem.get().emulatorUrl() + "/slack/" + run)));
        String crisisId = activeCrisis(watchId, createPlaybook(watchId, mastodon, slack));

        String account = "critic_" + run;
        JsonPath critic = given().contentType(ContentType.JSON)
                .body(Map.of("account", account, "text", "Banque Horizon app down all morning, when is it back?"))
                .post(RunningSystem.get().emulatorUrl() + "/emulator/mastodon/posts").then().statusCode(200)
                .extract().jsonPath();
        String postId = critic.getString("id");
        given().auth().oauth2(KeycloakTokens.of("analyst")).contentType(ContentType.JSON)
                .body(Map.of("mentions", List.of(Map.of("source", "mastodon", "externalId", postId,
                        "author", account, "text", "Banque Horizon app down all morning, when is it back?",
                        "language", "en", "url", critic.getString("url"), "publishedAt", Instant.now().toString(),
                        "reach", 900, "engagement", 30))))
                .post(RunningSystem.url(MONITORING) + "/api/mentions").then().statusCode(200);
        String mentionId = await().atMost(PATIENCE).until(() -> inboxEntry(crisisId, postId), entry -> entry != null)
                .get("mentionId").toString();
        assertThat(inboxEntry(crisisId, postId)).containsEntry("question", true).containsEntry("answered", false);

        Response unknown = draft(crisisId, Map.of("mentionId", UUID.randomUUID().toString()));
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(unknown.contentType()).startsWith("application/problem+json");

        Response fromSlack = draft(crisisId, Map.of("mentionId", mentionId, "channelId", slack));
        assertThat(fromSlack.statusCode()).isEqualTo(422);
        assertThat(fromSlack.asString()).contains("replies-not-supported");

        String angryId = draft(crisisId, Map.of("mentionId", mentionId, "text",
                "@" + account + " Stop whining and read the FAQ like everyone else.")).then().statusCode(201)
                .extract().path("id");
        Response inAnger = given().auth().oauth2(KeycloakTokens.of("communicator")).contentType(ContentType.JSON)
                .body(Map.of()).post(RunningSystem.url(PLAYBOOK) + "/api/replies/" + angryId + "/send");
        assertThat(inAnger.statusCode()).as(inAnger.asString()).isEqualTo(422);
        assertThat(inAnger.contentType()).startsWith("application/problem+json");
        given().auth().oauth2(KeycloakTokens.of("communicator")).contentType(ContentType.JSON)
                .body(Map.of("text", "@" + account + " We are sorry: the app is down and our teams are on it."
                        + " We will post here as soon as it is back."))
                .put(RunningSystem.url(PLAYBOOK) + "/api/replies/" + angryId).then().statusCode(200);
        assertThat(given().auth().oauth2(KeycloakTokens.of("communicator")).contentType(ContentType.JSON)
                .body(Map.of()).post(RunningSystem.url(PLAYBOOK) + "/api/replies/" + angryId + "/send")
                .then().statusCode(200).extract().jsonPath().getString("status")).isEqualTo("PENDING_APPROVAL");

        Response twice = draft(crisisId, Map.of("mentionId", mentionId));
        assertThat(twice.statusCode()).as("a post already being answered").isEqualTo(409);
        assertThat(twice.contentType()).startsWith("application/problem+json");

        given().auth().oauth2(KeycloakTokens.of("approver")).contentType(ContentType.JSON).body(Map.of())
                .post(RunningSystem.url(PLAYBOOK) + "/api/replies/" + angryId + "/approve").then().statusCode(200);
        JsonPath published = await().atMost(PATIENCE).pollInterval(Duration.ofSeconds(1)).until(
                () -> given().auth().oauth2(KeycloakTokens.of("communicator"))
                        .get(RunningSystem.url(PLAYBOOK) + "/api/replies/" + angryId).then().statusCode(200)
                        .extract().jsonPath(), reply -> List.of("PUBLISHED", "FAILED").contains(reply.getString("status")));
        assertThat(published.getString("status")).as(published.prettify()).isEqualTo("PUBLISHED");

        List<Map<String, Object>> replies = given().get(RunningSystem.get().emulatorUrl()
                        + "/emulator/mastodon/statuses").then().statusCode(200).extract().jsonPath()
                .getList("findAll { it.in_reply_to_id == '" + postId + "' }");
        assertThat(replies).as("one reply, in the critic's thread, the courteous one").hasSize(1);
        assertThat((String) replies.get(0).get("content")).contains("We are sorry").doesNotContain("whining");
        assertThat(replies.get(0).get("url")).isEqualTo(published.getString("publicationUrl"));
        assertThat(inboxEntry(crisisId, postId)).containsEntry("answered", true);
        List<String> onSlack = given().auth().oauth2(KeycloakTokens.of("communicator"))
                .get(RunningSystem.url(PUBLISHING) + "/api/publications?channelId=" + slack + "&size=100")
                .then().statusCode(200).extract().jsonPath().getList("id");
        assertThat(onSlack).as("nothing was sent from the channel that cannot reply").isEmpty();

        Map<String, String> reason = Map.of("reason", "replies test done");
        given().auth().oauth2(KeycloakTokens.of("crisis-manager")).contentType(ContentType.JSON).body(reason)
                .post(RunningSystem.url(PLAYBOOK) + "/api/crises/" + crisisId + "/no-apology").then().statusCode(200);
        given().auth().oauth2(KeycloakTokens.of("crisis-manager")).contentType(ContentType.JSON).body(reason)
                .post(RunningSystem.url(PLAYBOOK) + "/api/crises/" + crisisId + "/resolve").then().statusCode(200);
        JsonPath review = given().auth().oauth2(KeycloakTokens.of("crisis-manager"))
                .get(RunningSystem.url(PLAYBOOK) + "/api/crises/" + crisisId + "/review").then().statusCode(200)
                .extract().jsonPath();
        assertThat(review.getInt("replies.criticsAnswered")).isEqualTo(1);
        assertThat(review.getInt("replies.published")).isEqualTo(1);
    }

    private static Response draft(String crisisId, Map<String, Object> request) {
        return given().auth().oauth2(KeycloakTokens.of("communicator")).contentType(ContentType.JSON).body(request)
                .post(RunningSystem.url(PLAYBOOK) + "/api/crises/" + crisisId + "/replies");
    }

    private static Map<String, Object> inboxEntry(String crisisId, String postId) {
        return given().auth().oauth2(KeycloakTokens.of("communicator"))
                .get(RunningSystem.url(PLAYBOOK) + "/api/crises/" + crisisId + "/inbox?size=100")
                .then().statusCode(200).extract().jsonPath().getMap("find { it.externalId == '" + postId + "' }");
    }

    private static String createChannel(String name, String platform, Map<String, Object> settings) {
        Map<String, Object> request = new java.util.HashMap<>(settings);
        request.put("name", name);
        request.put("platform", platform);
        return given().auth().oauth2(KeycloakTokens.of("admin")).contentType(ContentType.JSON).body(request)
                .post(RunningSystem.url(PUBLISHING) + "/api/channels").then().statusCode(201).extract().path("id");
    }

    private String createPlaybook(String watchId, String mastodon, String slack) {
        String definition = """
                {"scenario": {"name": "App outage (replies %1$s)", "type": "OUTAGE",
                              "description": "The app is down", "strategy": "Acknowledge, answer, apologise"},
                 "triggers": [{"watchId": "%2$s", "minSeverity": "MEDIUM"}],
                 "roles": [{"name": "spokesperson", "responsibilities": ["Speak for the bank"], "tasks": []}],
                 "templates": [
                   {"phase": "HOLDING", "channel": "%3$s", "language": "en", "text": "{{brand}} knows the app is down."},
                   {"phase": "APOLOGY", "channel": "%3$s", "language": "en", "text": "{{brand}} apologises."}],
                 "replyTemplates": [{"key": "outage-en", "language": "en", "complaint": "OUTAGE",
                                     "text": "{{author}} We are sorry: our app is down and our teams are on it."}],
                 "audiences": [{"name": "customers", "channels": ["%3$s"]},
                               {"name": "staff", "channels": ["%4$s"]}]}""".formatted(run, watchId, mastodon, slack);
        return given().auth().oauth2(KeycloakTokens.of("admin")).contentType(ContentType.JSON).body(definition)
                .post(RunningSystem.url(PLAYBOOK) + "/api/playbooks").then().statusCode(201).extract().path("id");
    }

    private static String activeCrisis(String watchId, String playbookId) {
        given().auth().oauth2(KeycloakTokens.of("analyst")).contentType(ContentType.JSON)
                .body(Map.of("watchId", watchId, "watchName", "replies", "severity", "HIGH",
                        "summary", "Customers cannot log in"))
                .post(RunningSystem.url(MONITORING) + "/api/signals").then().statusCode(201);
        String crisisId = await().atMost(PATIENCE).pollInterval(Duration.ofSeconds(1)).until(
                () -> given().auth().oauth2(KeycloakTokens.of("crisis-manager"))
                        .get(RunningSystem.url(PLAYBOOK) + "/api/crises?status=PROPOSED&size=500")
                        .then().statusCode(200).extract().jsonPath()
                        .getString("find { it.watchId == '" + watchId + "' && it.playbookId == '" + playbookId + "' }.id"),
                id -> id != null);
        given().auth().oauth2(KeycloakTokens.of("crisis-manager")).contentType(ContentType.JSON)
                .body(Map.of("reason", "replies test")).post(RunningSystem.url(PLAYBOOK) + "/api/crises/" + crisisId
                        + "/activate").then().statusCode(200);
        return crisisId;
    }
}
