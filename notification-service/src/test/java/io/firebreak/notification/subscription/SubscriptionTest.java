package io.firebreak.notification.subscription;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import io.firebreak.devstack.testing.TestTokens;
import io.firebreak.events.CloudEvent;
import io.firebreak.events.EventJson;
import io.firebreak.events.EventSchemas;
import io.firebreak.events.EventTypes;
import io.firebreak.events.PublicationChanged;
import io.firebreak.events.Severity;
import io.firebreak.events.SignalChanged;
import io.firebreak.events.Topics;
import io.firebreak.notification.CrisisEvents;
import io.firebreak.notification.TestKafka;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
class SubscriptionTest {

    private static String send(String topic, String key, CloudEvent<?> event) throws Exception {
        String json = EventJson.newMapper().writeValueAsString(event);
        assertThat(EventSchemas.violations(topic, json)).isEmpty();
        TestKafka.send(topic, key, json);
        return json;
    }

    private static CloudEvent<SignalChanged> signal(UUID signalId, String type, String status, Severity severity) {
        Instant now = Instant.now();
        var data = new SignalChanged(signalId, UUID.randomUUID(), "Bank brand", status, severity,
                "Negative mentions tripled", now.minusSeconds(900), now, 420, 130.0, 0.8, 0.9, List.of(), "detector",
                now);
        return CloudEvent.of("/monitoring-service", type, signalId.toString(), data);
    }

    private static List<String> alertKinds(String user, String role, UUID sourceId) {
        return given().auth().oauth2(TestTokens.of(user, role))
                .when().get("/api/me/subscriptions/alerts")
                .then().statusCode(200)
                .extract().path("findAll { it.sourceId == '" + sourceId + "' }.kind");
    }

    @Test
    void analystsSubscribeToSignalsOnlyAndManageTheirOwn() {
        given().when().get("/api/me/subscriptions").then().statusCode(401);
        given().auth().oauth2(TestTokens.of("yves", "employee")).when().get("/api/me/subscriptions")
                .then().statusCode(403);
        given().auth().oauth2(TestTokens.of("yara", "analyst")).when().put("/api/me/subscriptions/PUBLICATIONS")
                .then().statusCode(403).contentType("application/problem+json")
                .body("type", equalTo("https://firebreak.io/problems/subscription-not-allowed"));

        given().auth().oauth2(TestTokens.of("yara", "analyst")).when().put("/api/me/subscriptions/SIGNALS")
                .then().statusCode(200).body("topic", equalTo("SIGNALS"));
        given().auth().oauth2(TestTokens.of("yara", "analyst")).when().put("/api/me/subscriptions/SIGNALS")
                .then().statusCode(200);
        given().auth().oauth2(TestTokens.of("yara", "analyst")).when().get("/api/me/subscriptions")
                .then().statusCode(200).body("topic", equalTo(List.of("SIGNALS")));
        given().auth().oauth2(TestTokens.of("zoe", "analyst")).when().get("/api/me/subscriptions")
                .then().statusCode(200).body("size()", equalTo(0));
        given().auth().oauth2(TestTokens.of("zoe", "analyst")).when().delete("/api/me/subscriptions/SIGNALS")
                .then().statusCode(404);
        given().auth().oauth2(TestTokens.of("yara", "analyst")).when().put("/api/me/subscriptions/NEWSLETTER")
                .then().statusCode(404);

        given().auth().oauth2(TestTokens.of("yara", "analyst")).when().delete("/api/me/subscriptions/SIGNALS")
                .then().statusCode(204);
        given().auth().oauth2(TestTokens.of("yara", "analyst")).when().get("/api/me/subscriptions")
                .then().statusCode(200).body("size()", equalTo(0));
    }

    @Test
    void subscribedAnalystsHearOfNewAndEscalatedSignalsOnceEach() throws Exception {
        given().auth().oauth2(TestTokens.of("alba", "analyst")).when().put("/api/me/subscriptions/SIGNALS")
                .then().statusCode(200);
        UUID signalId = UUID.randomUUID();
        var raised = signal(signalId, EventTypes.SIGNAL_RAISED, "OPEN", Severity.MEDIUM);
        send(Topics.SIGNALS, signalId.toString(), raised);
        // Kafka delivers at least once: the same event again tells nobody twice.
        send(Topics.SIGNALS, signalId.toString(), raised);
        send(Topics.SIGNALS, signalId.toString(), signal(signalId, EventTypes.SIGNAL_UPDATED, "OPEN",
                Severity.MEDIUM));
        send(Topics.SIGNALS, signalId.toString(), signal(signalId, EventTypes.SIGNAL_UPDATED, "OPEN",
                Severity.CRITICAL));

        await().atMost(CrisisEvents.WAIT).until(() -> alertKinds("alba", "analyst", signalId).size() >= 2);
        assertThat(alertKinds("alba", "analyst", signalId))
                .containsExactlyInAnyOrder("SIGNAL_RAISED", "SIGNAL_ESCALATED");
        given().auth().oauth2(TestTokens.of("alba", "analyst"))
                .when().get("/api/me/subscriptions/alerts")
                .then().statusCode(200)
                .body("find { it.sourceId == '" + signalId + "' && it.kind == 'SIGNAL_ESCALATED' }.title",
                        equalTo("Signal escalated to CRITICAL on Bank brand"));
        // Somebody who did not subscribe hears nothing.
        assertThat(alertKinds("bea", "analyst", signalId)).isEmpty();
    }

    @Test
    void subscribedCommunicatorsHearOfFailedAndHeldPublicationsOnly() throws Exception {
        given().auth().oauth2(TestTokens.of("cleo", "communicator")).when().put("/api/me/subscriptions/PUBLICATIONS")
                .then().statusCode(200);
        UUID failed = UUID.randomUUID();
        UUID published = UUID.randomUUID();
        Instant now = Instant.now();
        send(Topics.PUBLICATIONS, published.toString(), CloudEvent.of("/publishing-service",
                EventTypes.PUBLICATION_PREFIX + "published", published.toString(), new PublicationChanged(published,
                        UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), "X", "PUBLISHED", "1", null, null,
                        null, now)));
        send(Topics.PUBLICATIONS, failed.toString(), CloudEvent.of("/publishing-service",
                EventTypes.PUBLICATION_PREFIX + "failed", failed.toString(), new PublicationChanged(failed,
                        UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), "X", "FAILED", null, null,
                        "X 403: duplicate content", null, now)));

        await().atMost(CrisisEvents.WAIT).until(() -> !alertKinds("cleo", "communicator", failed).isEmpty());
        assertThat(alertKinds("cleo", "communicator", failed)).containsExactly("PUBLICATION_FAILED");
        assertThat(alertKinds("cleo", "communicator", published)).isEmpty();
        given().auth().oauth2(TestTokens.of("cleo", "communicator"))
                .when().get("/api/me/subscriptions/alerts")
                .then().statusCode(200)
                .body("find { it.sourceId == '" + failed + "' }.detail", equalTo("X 403: duplicate content"));
    }
}
