package io.firebreak.systemtests;

import static io.firebreak.devstack.FirebreakService.NOTIFICATION;
import static io.firebreak.devstack.FirebreakService.PLAYBOOK;
import static io.firebreak.devstack.FirebreakService.PUBLISHING;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.firebreak.devstack.demo.CrisisDemo;
import io.restassured.path.json.JsonPath;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The story {@code ./firebreak demo} tells, as a test: from the first angry posts to the published apology, with
 * two critics answered in their threads on the way, on the packaged services with real tokens; then what a user
 * can check in the APIs afterwards. The watch is minutes old, but three calm hours imported as its history warm
 * its detector, which raises the signal itself when the surge's bucket closes.
 */
class CrisisStoryIT {

    @Test
    void aSurgeOfAngryPostsEndsInAPublishedApologyAndAReviewedTimeline() {
        ByteArrayOutputStream narration = new ByteArrayOutputStream();
        CrisisDemo.Outcome outcome = new CrisisDemo(RunningSystem.get(),
                new PrintStream(narration, true, StandardCharsets.UTF_8)).run();
        String told = narration.toString(StandardCharsets.UTF_8);

        JsonPath crisis = given().auth().oauth2(KeycloakTokens.of("crisis-manager"))
                .get(RunningSystem.url(PLAYBOOK) + "/api/crises/" + outcome.crisisId())
                .then().statusCode(200).extract().jsonPath();
        assertThat(crisis.getString("status")).isEqualTo("RESOLVED");

        List<Map<String, Object>> publications = given().auth().oauth2(KeycloakTokens.of("communicator"))
                .get(RunningSystem.url(PUBLISHING) + "/api/publications?crisisId=" + outcome.crisisId() + "&size=100")
                .then().statusCode(200).extract().jsonPath().getList("$");
        assertThat(publications).as("three statements and two replies").hasSize(5).allSatisfy(publication ->
                assertThat(publication.get("state")).isEqualTo("PUBLISHED"));
        List<String> posted = given().get(RunningSystem.get().emulatorUrl() + "/emulator/mastodon/statuses")
                .then().statusCode(200).extract().jsonPath().getList("id");
        assertThat(posted).as("each statement and reply posted exactly once")
                .containsOnlyOnceElementsOf(publications.stream().map(p -> (String) p.get("externalId")).toList());
        List<String> answered = given().get(RunningSystem.get().emulatorUrl() + "/emulator/mastodon/statuses")
                .then().statusCode(200).extract().jsonPath().getList("in_reply_to_id");
        assertThat(answered).as("each critic answered once, in their own thread")
                .containsOnlyOnce(outcome.frenchCriticPostId(), outcome.englishCriticPostId());

        JsonPath templateReply = reply(outcome.templateReplyId());
        assertThat(templateReply.getString("status")).isEqualTo("PUBLISHED");
        assertThat(templateReply.getString("approvedBy")).as("a template reply goes out after the tone check alone")
                .startsWith("policy");
        JsonPath freeReply = reply(outcome.freeReplyId());
        assertThat(freeReply.getString("status")).isEqualTo("PUBLISHED");
        assertThat(freeReply.getString("approvedBy")).as("a free reply needs someone else").isEqualTo("approver");

        assertThat(given().auth().oauth2(KeycloakTokens.of("communicator"))
                .get(RunningSystem.url(PUBLISHING) + "/api/publications/" + outcome.promotionId())
                .then().statusCode(200).extract().jsonPath().getString("state")).isEqualTo("HELD");

        assertThat(given().auth().oauth2(KeycloakTokens.of("employee"))
                .get(RunningSystem.url(NOTIFICATION) + "/api/me/notifications")
                .then().statusCode(200).extract().jsonPath()
                .getList("findAll { it.crisisId == '" + outcome.crisisId() + "' }.state", String.class))
                .contains("ACKNOWLEDGED");

        JsonPath timeline = given().auth().oauth2(KeycloakTokens.of("crisis-manager"))
                .get(RunningSystem.url(PLAYBOOK) + "/api/crises/" + outcome.crisisId() + "/timeline")
                .then().statusCode(200).extract().jsonPath();
        assertThat(timeline.getString("keyTimes.resolvedAt")).isNotNull();
        assertThat(told).as(told).contains("tone check REFUSED", "(four eyes)", "push on the phone",
                "e-mail in the local mail server", "The promotional post is HELD", "Crisis RESOLVED",
                "raised by detector",
                "A reply written in anger: 422", "answering the same post again by accident: 409",
                "(free text needs an approver)", "'s thread: ");
    }

    private static JsonPath reply(String id) {
        return given().auth().oauth2(KeycloakTokens.of("communicator"))
                .get(RunningSystem.url(PLAYBOOK) + "/api/replies/" + id).then().statusCode(200).extract().jsonPath();
    }
}
