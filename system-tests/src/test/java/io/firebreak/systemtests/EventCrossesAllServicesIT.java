package io.firebreak.systemtests;

import static io.firebreak.devstack.FirebreakService.MONITORING;
import static io.firebreak.devstack.FirebreakService.NOTIFICATION;
import static io.firebreak.devstack.FirebreakService.PLAYBOOK;
import static io.firebreak.devstack.FirebreakService.PUBLISHING;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.firebreak.devstack.testing.TopicProbe;
import io.firebreak.events.Topics;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** A signal raised on monitoring-service proposes a crisis in playbook-service, which the two others record. */
class EventCrossesAllServicesIT {

    private static final Duration WAIT = Duration.ofSeconds(60);

    @Test
    void signalBecomesAProposedCrisisThatPublishingAndNotificationRecord() {
        UUID watchId = UUID.randomUUID();
        String signalId;
        String crisisId;
        try (TopicProbe crises = TopicProbe.watch(RunningSystem.get().kafkaBootstrapServers(), Topics.CRISES)) {
            signalId = given().auth().oauth2(KeycloakTokens.of("analyst"))
                    .contentType(ContentType.JSON)
                    .body("""
                            {"watchId":"%s","watchName":"Banque Horizon app","severity":"HIGH",
                             "summary":"Hundreds of angry posts: the app is down","observedVolume":850,
                             "negativeShare":0.86}""".formatted(watchId))
                    .when().post(RunningSystem.url(MONITORING) + "/api/signals")
                    .then().statusCode(201)
                    .extract().path("id");

            JsonNode proposed = crises.awaitEvent(e -> e.path("data").path("signalId").asText().equals(signalId), WAIT);
            crisisId = proposed.path("data").path("crisisId").asText();
            assertThat(proposed.path("type").asText()).isEqualTo("io.firebreak.playbook.crisis.proposed");
        }

        JsonPath crisis = given().auth().oauth2(KeycloakTokens.of("crisis-manager"))
                .when().get(RunningSystem.url(PLAYBOOK) + "/api/crises/" + crisisId)
                .then().statusCode(200).extract().jsonPath();
        assertThat(crisis.getString("status")).isEqualTo("PROPOSED");
        assertThat(crisis.getString("signalId")).isEqualTo(signalId);
        assertThat(crisis.getString("title")).isEqualTo(
                "Surge on Banque Horizon app: Hundreds of angry posts: the app is down");

        JsonPath publishing = await().atMost(WAIT).until(
                () -> given().auth().oauth2(KeycloakTokens.of("communicator"))
                        .when().get(RunningSystem.url(PUBLISHING) + "/api/publications/crises/" + crisisId)
                        .then().extract().jsonPath(),
                json -> "PROPOSED".equals(json.getString("status")));
        assertThat(publishing.getBoolean("holdsScheduledPosts")).isFalse();

        JsonPath notification = await().atMost(WAIT).until(
                () -> given().auth().oauth2(KeycloakTokens.of("crisis-manager"))
                        .when().get(RunningSystem.url(NOTIFICATION) + "/api/notifications/crises/" + crisisId)
                        .then().extract().jsonPath(),
                json -> "PROPOSED".equals(json.getString("status")));
        assertThat(notification.getString("severity")).isEqualTo("HIGH");
    }
}
