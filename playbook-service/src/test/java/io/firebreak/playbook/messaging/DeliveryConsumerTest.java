package io.firebreak.playbook.messaging;

import static io.firebreak.playbook.review.ReviewFixtures.CAROL;
import static io.firebreak.playbook.review.ReviewFixtures.post;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.firebreak.devstack.testing.InfrastructureTestResource;
import io.firebreak.devstack.testing.TestTokens;
import io.firebreak.devstack.testing.TopicProbe;
import io.firebreak.events.CloudEvent;
import io.firebreak.events.DeliveryChanged;
import io.firebreak.events.EventJson;
import io.firebreak.events.EventSchemas;
import io.firebreak.events.EventTypes;
import io.firebreak.events.Topics;
import io.firebreak.playbook.review.ReviewFixtures;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

@QuarkusTest
class DeliveryConsumerTest {

    private static final String SAM = TestTokens.subjectOf("sam");

    private static void send(UUID crisisId, UUID notificationId, String channel, String state, String error,
                             Instant at) throws Exception {
        send(crisisId, crisisId, notificationId, channel, state, error, at);
    }

    private static void send(UUID key, UUID crisisId, UUID notificationId, String channel, String state,
                             String error, Instant at) throws Exception {
        var delivery = new DeliveryChanged(notificationId, crisisId, SAM, channel, state, error, at);
        var event = CloudEvent.of("/notification-service", EventTypes.DELIVERY_PREFIX + state.toLowerCase(Locale.ROOT),
                key.toString(), delivery);
        String json = EventJson.newMapper().writeValueAsString(event);
        assertThat(EventSchemas.violations(Topics.DELIVERIES, json)).isEmpty();
        // Delivered twice, as Kafka may: it must count once.
        TopicProbe.send(InfrastructureTestResource.kafkaBootstrapServers(), Topics.DELIVERIES, event.subject(), json);
        TopicProbe.send(InfrastructureTestResource.kafkaBootstrapServers(), Topics.DELIVERIES, event.subject(), json);
    }

    private static JsonPath timeline(String crisisId) {
        return given().auth().oauth2(CAROL).when().get("/api/crises/" + crisisId + "/timeline")
                .then().statusCode(200).extract().jsonPath();
    }

    @Test
    void whoWasReachedHowAndWhenTheyAcknowledgedShowsInTheTimelineAndTheReview() throws Exception {
        String crisisId = ReviewFixtures.activeCrisis(ReviewFixtures.playbook());
        post(CAROL, "/api/crises/" + crisisId + "/assignments",
                "{\"role\":\"spokesperson\",\"person\":{\"subject\":\"" + SAM + "\",\"username\":\"sam\"}}", 201);
        UUID crisis = UUID.fromString(crisisId);
        UUID notification = UUID.randomUUID();
        Instant sent = Instant.now().truncatedTo(ChronoUnit.MILLIS);

        send(crisis, notification, "SMS", "FAILED", "number unreachable", sent);
        send(crisis, notification, "EMAIL", "SENT", null, sent.plusSeconds(1));
        send(crisis, notification, "IN_APP", "ACKNOWLEDGED", null, sent.plusSeconds(181));

        Awaitility.await().atMost(Duration.ofSeconds(30))
                .until(() -> timeline(crisisId).getList("entries.kind").contains("acknowledgement"));
        JsonPath timeline = timeline(crisisId);
        List<String> summaries = timeline.getList("entries.summary");
        assertThat(summaries).containsSubsequence("notification to sam failed by SMS: number unreachable",
                "notification to sam sent by EMAIL", "sam acknowledged (IN_APP)");
        assertThat(summaries).filteredOn(s -> s.startsWith("sam acknowledged")).hasSize(1);
        assertThat(timeline.getString("acknowledgements[0].username")).isEqualTo("sam");
        assertThat(timeline.getString("acknowledgements[0].role")).isEqualTo("spokesperson");
        assertThat(timeline.getList("acknowledgements[0].reachedVia")).containsExactly("EMAIL");
        assertThat(timeline.getList("acknowledgements[0].failedVia")).containsExactly("SMS");
        assertThat(timeline.getString("acknowledgements[0].acknowledgedVia")).isEqualTo("IN_APP");
        assertThat(Instant.parse(timeline.getString("acknowledgements[0].acknowledgedAt")))
                .isEqualTo(sent.plusSeconds(181));

        post(CAROL, "/api/crises/" + crisisId + "/no-apology", "{\"reason\":\"supplier fault\"}", 200);
        post(CAROL, "/api/crises/" + crisisId + "/resolve", "{\"reason\":\"restored\"}", 200);
        given().auth().oauth2(TestTokens.of("anna", "analyst")).when().get("/api/crises/" + crisisId + "/review")
                .then().statusCode(200)
                .body("acknowledgements[0].subject", equalTo(SAM))
                .body("acknowledgements[0].acknowledgedVia", equalTo("IN_APP"))
                .body("acknowledgements[0].firstReachedAt", equalTo(sent.plusSeconds(1).toString()));
    }

    @Test
    void notificationsOutsideACrisisAreIgnored() throws Exception {
        UUID crisisId = UUID.fromString(ReviewFixtures.activeCrisis(ReviewFixtures.playbook()));
        // Same key, so same partition and in order: the crisis' own event shows only once the one before it was
        // consumed without blocking the partition.
        send(crisisId, null, UUID.randomUUID(), "EMAIL", "SENT", null, Instant.now());
        send(crisisId, crisisId, UUID.randomUUID(), "EMAIL", "SENT", null, Instant.now());
        Awaitility.await().atMost(Duration.ofSeconds(30))
                .until(() -> timeline(crisisId.toString()).getList("entries.kind").contains("notification"));
        assertThat(timeline(crisisId.toString()).getList("entries.kind")).filteredOn("notification"::equals)
                .hasSize(1);
    }
}
