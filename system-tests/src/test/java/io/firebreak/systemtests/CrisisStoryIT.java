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
 * The story {@code ./firebreak demo} tells, as a test: from the first angry posts to the published apology, on the
 * packaged services with real tokens; then what a user can check in the APIs afterwards. (The signal is raised by
 * the analyst: a watch minutes old is still inside the detector's warm-up; {@code BucketCloserTest} covers the
 * detector raising, growing and closing a signal on its own.)
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
        assertThat(publications).hasSize(3).allSatisfy(publication ->
                assertThat(publication.get("state")).isEqualTo("PUBLISHED"));
        List<String> posted = given().get(RunningSystem.get().emulatorUrl() + "/emulator/mastodon/statuses")
                .then().statusCode(200).extract().jsonPath().getList("id");
        assertThat(posted).as("each statement posted exactly once")
                .containsOnlyOnceElementsOf(publications.stream().map(p -> (String) p.get("externalId")).toList());

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
                "e-mail in the local mail server", "The promotional post is HELD", "Crisis RESOLVED");
    }
}
