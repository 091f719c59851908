package io.firebreak.playbook.messaging;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.firebreak.devstack.testing.InfrastructureTestResource;
import io.firebreak.devstack.testing.TestTokens;
import io.firebreak.devstack.testing.TopicProbe;
import io.firebreak.events.CloudEvent;
import io.firebreak.events.EventJson;
import io.firebreak.events.EventSchemas;
import io.firebreak.events.EventTypes;
import io.firebreak.events.Severity;
import io.firebreak.events.SignalChanged;
import io.firebreak.events.Topics;
import io.firebreak.playbook.playbook.PlaybookFixtures;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
class SignalConsumerTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    private static CloudEvent<SignalChanged> signalRaised(UUID watchId, UUID signalId) {
        return signalRaised(watchId, signalId, Severity.HIGH);
    }

    private static CloudEvent<SignalChanged> signalRaised(UUID watchId, UUID signalId, Severity severity) {
        Instant now = Instant.now();
        var signal = new SignalChanged(signalId, watchId, "Bank app", "OPEN", severity, "App down, angry posts",
                now.minusSeconds(900), now, 500, 40, 0.8, 0.95, List.of(), "analyst", now);
        return CloudEvent.of("/monitoring-service", EventTypes.SIGNAL_RAISED, watchId.toString(), signal);
    }

    private static void send(CloudEvent<?> event) throws Exception {
        String json = EventJson.newMapper().writeValueAsString(event);
        assertThat(EventSchemas.violations(Topics.SIGNALS, json)).isEmpty();
        TopicProbe.send(InfrastructureTestResource.kafkaBootstrapServers(), Topics.SIGNALS, event.subject(), json);
    }

    private static long crisesFor(UUID signalId) {
        List<String> signalIds = given().auth().oauth2(TestTokens.of("carol", "crisis-manager"))
                .when().get("/api/crises?status=PROPOSED&size=500")
                .then().statusCode(200).extract().jsonPath().getList("signalId", String.class);
        return signalIds.stream().filter(signalId.toString()::equals).count();
    }

    @Test
    void raisedSignalProposesACrisisAndAnnouncesIt() throws Exception {
        UUID watchId = UUID.randomUUID();
        UUID signalId = UUID.randomUUID();
        try (TopicProbe crises = TopicProbe.watch(InfrastructureTestResource.kafkaBootstrapServers(), Topics.CRISES)) {
            send(signalRaised(watchId, signalId));

            JsonNode event = crises.awaitEvent(e -> e.path("data").path("signalId").asText().equals(signalId.toString()),
                    WAIT);
            String crisisId = event.path("data").path("crisisId").asText();
            assertThat(event.path("type").asText()).isEqualTo("io.firebreak.playbook.crisis.proposed");
            assertThat(event.path("_key").asText()).isEqualTo(crisisId);
            assertThat(event.path("data").path("title").asText()).isEqualTo("Surge on Bank app: App down, angry posts");
            assertThat(event.path("data").path("severity").asText()).isEqualTo("HIGH");

            var crisis = given().auth().oauth2(TestTokens.of("carol", "crisis-manager"))
                    .when().get("/api/crises/" + crisisId)
                    .then().statusCode(200).extract().jsonPath();
            assertThat(crisis.getString("status")).isEqualTo("PROPOSED");
            assertThat(crisis.getString("watchId")).isEqualTo(watchId.toString());
            assertThat(crisis.getList("transitions.actor")).containsExactly("monitoring-signal");
            assertThat(crisis.getList("transitions.to")).containsExactly("PROPOSED");
        }
    }

    @Test
    void redeliveredOrRepeatedSignalProposesOneCrisis() throws Exception {
        UUID watchId = UUID.randomUUID();
        UUID signalId = UUID.randomUUID();
        CloudEvent<SignalChanged> raised = signalRaised(watchId, signalId);
        UUID sentinelSignal = UUID.randomUUID();
        try (TopicProbe crises = TopicProbe.watch(InfrastructureTestResource.kafkaBootstrapServers(), Topics.CRISES)) {
            send(raised);
            send(raised);
            send(signalRaised(watchId, signalId));
            // Same key, same partition: once the sentinel's crisis is out, the three before it were applied.
            send(signalRaised(watchId, sentinelSignal));
            crises.awaitEvent(e -> e.path("data").path("signalId").asText().equals(sentinelSignal.toString()), WAIT);
        }

        assertThat(crisesFor(signalId)).isEqualTo(1);
    }

    @Test
    void malformedRecordDoesNotStopTheConsumer() throws Exception {
        UUID watchId = UUID.randomUUID();
        UUID signalId = UUID.randomUUID();
        try (TopicProbe crises = TopicProbe.watch(InfrastructureTestResource.kafkaBootstrapServers(), Topics.CRISES)) {
            TopicProbe.send(InfrastructureTestResource.kafkaBootstrapServers(), Topics.SIGNALS, watchId.toString(),
                    "{this is not json");
            send(signalRaised(watchId, signalId));

            crises.awaitEvent(e -> e.path("data").path("signalId").asText().equals(signalId.toString()), WAIT);
        }
    }

    @Test
    void signalMatchingAPlaybookProposesTheCrisisWithItsCurrentVersion() throws Exception {
        UUID watchId = UUID.randomUUID();
        String playbookId = PlaybookFixtures.create(PlaybookFixtures.bankOutage(watchId, "HIGH"));
        given().auth().oauth2(TestTokens.of("ada", "admin"))
                .contentType(ContentType.JSON).body(PlaybookFixtures.bankOutage(watchId, "HIGH"))
                .when().put("/api/playbooks/" + playbookId)
                .then().statusCode(200);
        UUID critical = UUID.randomUUID();
        UUID low = UUID.randomUUID();
        // One probe per awaited event: a probe skips what else arrives in the batch it matched in.
        String kafka = InfrastructureTestResource.kafkaBootstrapServers();
        try (TopicProbe lowProbe = TopicProbe.watch(kafka, Topics.CRISES);
             TopicProbe criticalProbe = TopicProbe.watch(kafka, Topics.CRISES)) {
            send(signalRaised(watchId, low, Severity.LOW));
            send(signalRaised(watchId, critical, Severity.CRITICAL));

            // Below the playbook's threshold the signal is still proposed, without a playbook, for a human to judge.
            JsonNode unmatched = lowProbe.awaitEvent(
                    e -> e.path("data").path("signalId").asText().equals(low.toString()), WAIT);
            assertThat(unmatched.path("data").hasNonNull("playbookId")).isFalse();

            JsonNode matched = criticalProbe.awaitEvent(
                    e -> e.path("data").path("signalId").asText().equals(critical.toString()), WAIT);
            assertThat(matched.path("data").path("playbookId").asText()).isEqualTo(playbookId);
            assertThat(matched.path("data").path("playbookVersion").asInt()).isEqualTo(2);
        }
    }
}
