package io.firebreak.publishing.crisis;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.firebreak.devstack.testing.InfrastructureTestResource;
import io.firebreak.devstack.testing.TestTokens;
import io.firebreak.devstack.testing.TopicProbe;
import io.firebreak.events.CloudEvent;
import io.firebreak.events.CrisisChanged;
import io.firebreak.events.CrisisStatus;
import io.firebreak.events.EventJson;
import io.firebreak.events.EventSchemas;
import io.firebreak.events.EventTypes;
import io.firebreak.events.Severity;
import io.firebreak.events.Topics;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
class CrisisContextTest {

    private static void send(UUID crisisId, CrisisStatus status, boolean drill, Instant changedAt) throws Exception {
        send(crisisId, status, drill, changedAt, crisisId);
    }

    private static void send(UUID crisisId, CrisisStatus status, boolean drill, Instant changedAt, UUID key)
            throws Exception {
        var crisis = new CrisisChanged(crisisId, null, null, "Bank app outage", status, Severity.HIGH, drill, null,
                "carol", null, changedAt, List.of());
        var event = CloudEvent.of("/playbook-service", EventTypes.crisis(status), crisisId.toString(), crisis);
        String json = EventJson.newMapper().writeValueAsString(event);
        assertThat(EventSchemas.violations(Topics.CRISES, json)).isEmpty();
        TopicProbe.send(InfrastructureTestResource.kafkaBootstrapServers(), Topics.CRISES, key.toString(), json);
    }

    private static JsonPath contextOf(UUID crisisId, CrisisStatus expected) {
        return await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).until(
                () -> given().auth().oauth2(TestTokens.of("cole", "communicator"))
                        .when().get("/api/publications/crises/" + crisisId)
                        .then().extract().jsonPath(),
                json -> expected.name().equals(json.getString("status")));
    }

    @Test
    void liveCrisisHoldsScheduledPostsUntilItIsResolved() throws Exception {
        UUID crisisId = UUID.randomUUID();
        Instant t0 = Instant.now().minusSeconds(60);

        send(crisisId, CrisisStatus.PROPOSED, false, t0);
        assertThat(contextOf(crisisId, CrisisStatus.PROPOSED).getBoolean("holdsScheduledPosts")).isFalse();

        send(crisisId, CrisisStatus.ACTIVE, false, t0.plusSeconds(10));
        assertThat(contextOf(crisisId, CrisisStatus.ACTIVE).getBoolean("holdsScheduledPosts")).isTrue();

        send(crisisId, CrisisStatus.RESOLVED, false, t0.plusSeconds(20));
        assertThat(contextOf(crisisId, CrisisStatus.RESOLVED).getBoolean("holdsScheduledPosts")).isFalse();
    }

    @Test
    void drillNeverHoldsRealPosts() throws Exception {
        UUID crisisId = UUID.randomUUID();
        send(crisisId, CrisisStatus.ACTIVE, true, Instant.now());

        JsonPath context = contextOf(crisisId, CrisisStatus.ACTIVE);
        assertThat(context.getBoolean("drill")).isTrue();
        assertThat(context.getBoolean("holdsScheduledPosts")).isFalse();
    }

    @Test
    void anOlderEventDoesNotOverwriteANewerState() throws Exception {
        UUID crisisId = UUID.randomUUID();
        UUID sentinel = UUID.randomUUID();
        Instant t0 = Instant.now().minusSeconds(60);
        send(crisisId, CrisisStatus.CONTAINED, false, t0.plusSeconds(30));
        send(crisisId, CrisisStatus.ACTIVE, false, t0);
        // Same key, same partition: once the sentinel is recorded, the older event was consumed before it.
        send(sentinel, CrisisStatus.PROPOSED, false, t0, crisisId);
        contextOf(sentinel, CrisisStatus.PROPOSED);

        given().auth().oauth2(TestTokens.of("cole", "communicator"))
                .when().get("/api/publications/crises/" + crisisId)
                .then().statusCode(200)
                .body("status", org.hamcrest.Matchers.equalTo("CONTAINED"));
    }

    @Test
    void readingWithoutATokenIsUnauthorized() {
        given().when().get("/api/publications/crises").then().statusCode(401);
    }

    @Test
    void readingAsAnalystIsForbidden() {
        given().auth().oauth2(TestTokens.of("anna", "analyst"))
                .when().get("/api/publications/crises").then().statusCode(403);
    }

    @Test
    void unknownCrisisIsNotFound() {
        given().auth().oauth2(TestTokens.of("cole", "communicator"))
                .when().get("/api/publications/crises/" + UUID.randomUUID())
                .then().statusCode(404);
    }
}
