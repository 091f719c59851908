package io.firebreak.notification.chat;

import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import com.github.tomakehurst.wiremock.client.WireMock;
import io.firebreak.devstack.testing.TestTokens;
import io.firebreak.events.Severity;
import io.firebreak.notification.CrisisEvents;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ChatWebhookTest {

    private static int port() {
        return ConfigProvider.getConfig().getValue(ChatStandInTestResource.PORT, Integer.class);
    }

    private static String register(String team, String kind, String path) {
        return given().auth().oauth2(TestTokens.of("ada", "admin")).contentType(ContentType.JSON)
                .body(Map.of("team", team, "kind", kind, "url", "http://127.0.0.1:" + port() + path))
                .when().post("/api/chat-webhooks")
                .then().statusCode(201)
                .body("url", equalTo("http://127.0.0.1:" + port() + "/…"))
                .extract().path("id");
    }

    private static String listed(String id, String field) {
        Object value = given().auth().oauth2(TestTokens.of("carol", "crisis-manager"))
                .when().get("/api/chat-webhooks")
                .then().statusCode(200)
                .extract().path("find { it.id == '" + id + "' }." + field);
        return value == null ? null : value.toString();
    }

    @Test
    void everyCrisisIsPostedToEachTeamsSlackAndTeamsChannel() throws Exception {
        String slackPath = "/services/T0001/B0001/" + UUID.randomUUID();
        String teamsPath = "/workflows/" + UUID.randomUUID() + "/triggers/manual/paths/invoke";
        String slack = register("comms-" + UUID.randomUUID(), "SLACK", slackPath);
        String teams = register("legal-" + UUID.randomUUID(), "TEAMS", teamsPath);

        UUID crisisId = CrisisEvents.activate(Severity.CRITICAL, CrisisEvents.holder("wes", "Legal", false));

        WireMock chat = new WireMock("127.0.0.1", port());
        await().atMost(CrisisEvents.WAIT).untilAsserted(() -> {
            assertThat(chat.find(postRequestedFor(urlEqualTo(slackPath)).withRequestBody(matchingJsonPath(
                    "$.text", WireMock.containing("/crises/" + crisisId + "/briefing"))))).hasSize(1);
            assertThat(chat.find(postRequestedFor(urlEqualTo(teamsPath)).withRequestBody(matchingJsonPath(
                    "$.attachments[0].content.body[0].text", WireMock.containing(crisisId.toString())))))
                    .hasSize(1);
        });
        String text = chat.find(postRequestedFor(urlEqualTo(slackPath)).withRequestBody(matchingJsonPath(
                "$.text", WireMock.containing(crisisId.toString())))).get(0).getBodyAsString();
        assertThat(text).contains(":rotating_light: Crisis \\\"Bank app outage\\\" is active (CRITICAL)");
        await().atMost(CrisisEvents.WAIT).until(() -> "SENT".equals(listed(slack, "lastPostState"))
                && "SENT".equals(listed(teams, "lastPostState")));
    }

    @Test
    void aCrisisReassignedWhileActiveIsPostedOnceAndItsNewHolderNotified() throws Exception {
        String slackPath = "/services/T0001/B0001/" + UUID.randomUUID();
        register("ops-" + UUID.randomUUID(), "SLACK", slackPath);
        UUID crisisId = CrisisEvents.activate(Severity.HIGH, CrisisEvents.holder("wes", "Legal", false));
        CrisisEvents.notificationOf("wes", crisisId);

        CrisisEvents.reassign(crisisId, Severity.HIGH, CrisisEvents.holder("wes", "Legal", false),
                CrisisEvents.holder("xena", "Spokesperson", false));

        // The second event of the same state is applied (its new holder is notified), not retried for ever.
        CrisisEvents.notificationOf("xena", crisisId);
        WireMock chat = new WireMock("127.0.0.1", port());
        await().atMost(CrisisEvents.WAIT).until(() -> chat.find(postRequestedFor(urlEqualTo(slackPath))).size() == 1);
        Thread.sleep(1_500);
        assertThat(chat.find(postRequestedFor(urlEqualTo(slackPath)))).hasSize(1);
    }

    @Test
    void aRevokedSlackWebhookShowsAsFailingWithSlacksAnswer() throws Exception {
        String revoked = register("ops-" + UUID.randomUUID(), "SLACK", "/services/T0001/B0001/revoked-"
                + UUID.randomUUID());
        CrisisEvents.activate(Severity.HIGH, CrisisEvents.holder("xena", "Legal", false));

        await().atMost(CrisisEvents.WAIT).until(() -> "FAILED".equals(listed(revoked, "lastPostState")));
        assertThat(listed(revoked, "lastPostError")).isEqualTo("attempt 1: SLACK 404: no_service");
        given().auth().oauth2(TestTokens.of("ada", "admin")).when().delete("/api/chat-webhooks/" + revoked)
                .then().statusCode(204);
    }

    @Test
    void onlyAdminsConfigureWebhooksAndOnlyHttpsUrlsAreTaken() {
        Map<String, String> body = Map.of("team", "comms", "kind", "SLACK",
                "url", "https://hooks.slack.com/services/T0/B0/secret");
        given().contentType(ContentType.JSON).body(body).when().post("/api/chat-webhooks").then().statusCode(401);
        given().auth().oauth2(TestTokens.of("carol", "crisis-manager")).contentType(ContentType.JSON).body(body)
                .when().post("/api/chat-webhooks").then().statusCode(403);
        given().auth().oauth2(TestTokens.of("eve", "employee")).when().get("/api/chat-webhooks")
                .then().statusCode(403);
        given().when().get("/api/chat-webhooks").then().statusCode(401);

        given().auth().oauth2(TestTokens.of("ada", "admin")).contentType(ContentType.JSON)
                .body(Map.of("team", "comms", "kind", "SLACK", "url", "http://hooks.slack.com/services/T0/B0/x"))
                .when().post("/api/chat-webhooks")
                .then().statusCode(400).contentType("application/problem+json")
                .body("type", equalTo("https://firebreak.io/problems/invalid-chat-webhook"))
                .body("errors[0].field", equalTo("url"));
        given().auth().oauth2(TestTokens.of("ada", "admin")).contentType(ContentType.JSON)
                .body(Map.of("team", "comms", "kind", "DISCORD", "url", "https://discord.com/api/webhooks/1"))
                .when().post("/api/chat-webhooks")
                .then().statusCode(400).contentType("application/problem+json");

        given().auth().oauth2(TestTokens.of("ada", "admin")).when().delete("/api/chat-webhooks/" + UUID.randomUUID())
                .then().statusCode(404);
        given().auth().oauth2(TestTokens.of("carol", "crisis-manager"))
                .when().delete("/api/chat-webhooks/" + UUID.randomUUID())
                .then().statusCode(403);
        given().auth().oauth2(TestTokens.of("carol", "crisis-manager")).when().get("/api/chat-webhooks")
                .then().statusCode(200).body(not(containsString("secret")));
    }
}
