package io.firebreak.monitoring.signal;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;

import com.fasterxml.jackson.databind.JsonNode;
import io.firebreak.devstack.testing.InfrastructureTestResource;
import io.firebreak.devstack.testing.TestTokens;
import io.firebreak.devstack.testing.TopicProbe;
import io.firebreak.events.Topics;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
class SignalResourceTest {

    private static String raiseBody(UUID watchId, String summary) {
        return """
                {"watchId":"%s","watchName":"Bank app","severity":"HIGH","summary":"%s",
                 "observedVolume":420,"negativeShare":0.8}""".formatted(watchId, summary);
    }

    @Test
    void raisingASignalStoresItAndPublishesItKeyedByWatch() {
        UUID watchId = UUID.randomUUID();
        try (TopicProbe signals = TopicProbe.watch(InfrastructureTestResource.kafkaBootstrapServers(), Topics.SIGNALS)) {
            String id = given().auth().oauth2(TestTokens.of("alice", "analyst"))
                    .contentType(ContentType.JSON).body(raiseBody(watchId, "Angry posts about the outage"))
                    .when().post("/api/signals")
                    .then().statusCode(201)
                    .header("Location", containsString("/api/signals/"))
                    .body("status", equalTo("OPEN"))
                    .body("severity", equalTo("HIGH"))
                    .body("raisedBy", equalTo("alice"))
                    .extract().path("id");

            JsonNode event = signals.awaitEvent(e -> e.path("data").path("signalId").asText().equals(id),
                    Duration.ofSeconds(30));

            assertThat(event.path("type").asText()).isEqualTo("io.firebreak.monitoring.signal.raised");
            assertThat(event.path("_key").asText()).isEqualTo(watchId.toString());
            assertThat(event.path("source").asText()).isEqualTo("/monitoring-service");
            assertThat(event.path("data").path("summary").asText()).isEqualTo("Angry posts about the outage");
            assertThat(event.path("data").path("observedVolume").asLong()).isEqualTo(420);
        }

        given().auth().oauth2(TestTokens.of("carol", "crisis-manager"))
                .when().get("/api/signals?status=OPEN")
                .then().statusCode(200)
                .body("watchId", hasItem(watchId.toString()));
    }

    @Test
    void raisingWithoutATokenIsUnauthorized() {
        given().contentType(ContentType.JSON).body(raiseBody(UUID.randomUUID(), "x"))
                .when().post("/api/signals")
                .then().statusCode(401);
    }

    @Test
    void raisingAsEmployeeIsForbidden() {
        given().auth().oauth2(TestTokens.of("emma", "employee"))
                .contentType(ContentType.JSON).body(raiseBody(UUID.randomUUID(), "x"))
                .when().post("/api/signals")
                .then().statusCode(403);
    }

    @Test
    void readingSignalsAsCommunicatorIsForbidden() {
        given().auth().oauth2(TestTokens.of("cole", "communicator"))
                .when().get("/api/signals")
                .then().statusCode(403);
    }

    @Test
    void blankSummaryIsRejectedNamingTheField() {
        given().auth().oauth2(TestTokens.of("alice", "analyst"))
                .contentType(ContentType.JSON).body(raiseBody(UUID.randomUUID(), " "))
                .when().post("/api/signals")
                .then().statusCode(400)
                .contentType(startsWith("application/problem+json"))
                .body("type", equalTo("https://firebreak.io/problems/validation"))
                .body("errors.field", hasItem("summary"));
    }

    @Test
    void malformedJsonIsRejectedWithWhereItBroke() {
        given().auth().oauth2(TestTokens.of("alice", "analyst"))
                .contentType(ContentType.JSON).body("{\"watchId\": ")
                .when().post("/api/signals")
                .then().statusCode(400)
                .contentType(startsWith("application/problem+json"))
                .body("type", equalTo("https://firebreak.io/problems/unreadable-body"));
    }

    @Test
    void unknownSeverityIsRejectedNamingTheField() {
        String body = raiseBody(UUID.randomUUID(), "x").replace("HIGH", "APOCALYPTIC");
        given().auth().oauth2(TestTokens.of("alice", "analyst"))
                .contentType(ContentType.JSON).body(body)
                .when().post("/api/signals")
                .then().statusCode(400)
                .contentType(startsWith("application/problem+json"))
                .body("detail", containsString("severity"));
    }

    @Test
    void windowEndingBeforeItStartsIsRejected() {
        String body = """
                {"watchId":"%s","severity":"LOW","summary":"x",
                 "windowStart":"2026-11-23T10:00:00Z","windowEnd":"2026-11-23T09:00:00Z"}"""
                .formatted(UUID.randomUUID());
        given().auth().oauth2(TestTokens.of("alice", "analyst"))
                .contentType(ContentType.JSON).body(body)
                .when().post("/api/signals")
                .then().statusCode(400)
                .body("type", equalTo("https://firebreak.io/problems/invalid-window"));
    }

    @Test
    void unknownSignalIsNotFound() {
        UUID unknown = UUID.randomUUID();
        given().auth().oauth2(TestTokens.of("alice", "analyst"))
                .when().get("/api/signals/" + unknown)
                .then().statusCode(404)
                .contentType(startsWith("application/problem+json"))
                .body("detail", equalTo("signal " + unknown + " does not exist"));
    }

    private static String raised(UUID watchId) {
        return given().auth().oauth2(TestTokens.of("alice", "analyst"))
                .contentType(ContentType.JSON).body(raiseBody(watchId, "Angry posts"))
                .when().post("/api/signals")
                .then().statusCode(201)
                .extract().path("id");
    }

    @Test
    void acknowledgingRecordsWhoAndWhenAndIsAnnounced() {
        UUID watchId = UUID.randomUUID();
        String id = raised(watchId);
        try (TopicProbe signals = TopicProbe.watch(InfrastructureTestResource.kafkaBootstrapServers(), Topics.SIGNALS)) {
            given().auth().oauth2(TestTokens.of("bob", "analyst"))
                    .when().post("/api/signals/" + id + "/acknowledge")
                    .then().statusCode(200)
                    .body("status", equalTo("ACKNOWLEDGED"))
                    .body("acknowledgedBy", equalTo("bob"))
                    .body("acknowledgedAt", notNullValue());

            // The raised event may still be on its way: the update is the one that says ACKNOWLEDGED.
            JsonNode event = signals.awaitEvent(e -> e.path("data").path("signalId").asText().equals(id)
                    && e.path("type").asText().equals("io.firebreak.monitoring.signal.updated"), Duration.ofSeconds(30));
            assertThat(event.path("data").path("status").asText()).isEqualTo("ACKNOWLEDGED");
        }
        given().auth().oauth2(TestTokens.of("bob", "analyst"))
                .when().post("/api/signals/" + id + "/acknowledge")
                .then().statusCode(409)
                .contentType(startsWith("application/problem+json"))
                .body("type", equalTo("https://firebreak.io/problems/signal-state"));
    }

    @Test
    void dismissingRecordsWhoAndWhenAndEndsTriage() {
        String id = raised(UUID.randomUUID());
        given().auth().oauth2(TestTokens.of("root", "admin"))
                .when().post("/api/signals/" + id + "/dismiss")
                .then().statusCode(200)
                .body("status", equalTo("DISMISSED"))
                .body("dismissedBy", equalTo("root"))
                .body("dismissedAt", notNullValue());
        given().auth().oauth2(TestTokens.of("alice", "analyst"))
                .when().post("/api/signals/" + id + "/acknowledge")
                .then().statusCode(409);
        given().auth().oauth2(TestTokens.of("alice", "analyst"))
                .when().post("/api/signals/" + id + "/dismiss")
                .then().statusCode(409);
    }

    @Test
    void triageNeedsATokenAndTheAnalystOrAdminRole() {
        String id = raised(UUID.randomUUID());
        given().when().post("/api/signals/" + id + "/acknowledge").then().statusCode(401);
        given().when().post("/api/signals/" + id + "/dismiss").then().statusCode(401);
        given().auth().oauth2(TestTokens.of("carol", "crisis-manager"))
                .when().post("/api/signals/" + id + "/acknowledge").then().statusCode(403);
        given().auth().oauth2(TestTokens.of("emma", "employee"))
                .when().post("/api/signals/" + id + "/dismiss").then().statusCode(403);
        given().auth().oauth2(TestTokens.of("alice", "analyst"))
                .when().post("/api/signals/" + UUID.randomUUID() + "/acknowledge").then().statusCode(404);
    }

    @Test
    void signalsAreFilteredByWatchAndStatusAndPaged() {
        UUID watchId = UUID.randomUUID();
        String first = raised(watchId);
        String second = raised(watchId);
        raised(UUID.randomUUID());
        given().auth().oauth2(TestTokens.of("alice", "analyst"))
                .when().post("/api/signals/" + first + "/dismiss").then().statusCode(200);

        given().auth().oauth2(TestTokens.of("alice", "analyst"))
                .when().get("/api/signals?watch=" + watchId)
                .then().statusCode(200)
                .body("id", contains(second, first));
        given().auth().oauth2(TestTokens.of("alice", "analyst"))
                .when().get("/api/signals?watch=" + watchId + "&status=DISMISSED")
                .then().statusCode(200)
                .body("id", contains(first));
        given().auth().oauth2(TestTokens.of("alice", "analyst"))
                .when().get("/api/signals?watch=" + watchId + "&page=1&size=1")
                .then().statusCode(200)
                .body("id", contains(first));
        given().auth().oauth2(TestTokens.of("alice", "analyst"))
                .when().get("/api/signals?status=SOMETIMES")
                .then().statusCode(400)
                .body("errors.field", hasItem("status"));
    }
}
