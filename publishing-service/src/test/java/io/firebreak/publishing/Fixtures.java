package io.firebreak.publishing;

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
import io.firebreak.events.StatementChanged;
import io.firebreak.events.Topics;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** What publication tests set up: channels through the API, statements and crises as playbook-service sends them. */
public final class Fixtures {

    private Fixtures() {
    }

    public static String mastodonChannel(String baseUrl, String token) {
        return given().auth().oauth2(TestTokens.of("ada", "admin")).contentType(ContentType.JSON)
                .body(Map.of("name", "Mastodon " + token, "platform", "MASTODON", "baseUrl", baseUrl,
                        "credentials", Map.of("accessToken", token)))
                .when().post("/api/channels")
                .then().statusCode(201).extract().path("id");
    }

    public static String sandboxChannel() {
        return given().auth().oauth2(TestTokens.of("ada", "admin")).contentType(ContentType.JSON)
                .body(Map.of("name", "Sandbox", "platform", "SANDBOX"))
                .when().post("/api/channels")
                .then().statusCode(201).extract().path("id");
    }

    public static CloudEvent<StatementChanged> approved(UUID statementId, UUID crisisId, String text,
                                                        List<String> channelIds, Instant scheduledAt, boolean drill) {
        var statement = new StatementChanged(statementId, crisisId, "HOLDING", "en", text,
                channelIds.stream().map(UUID::fromString).toList(), scheduledAt, true, drill, "april",
                Instant.now());
        return CloudEvent.of("/playbook-service", EventTypes.STATEMENT_APPROVED, crisisId.toString(), statement);
    }

    public static void send(String topic, CloudEvent<?> event) {
        try {
            String json = EventJson.newMapper().writeValueAsString(event);
            assertThat(EventSchemas.violations(topic, json)).isEmpty();
            TopicProbe.send(InfrastructureTestResource.kafkaBootstrapServers(), topic, event.subject(), json);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new AssertionError(e);
        }
    }

    public static void sendCrisis(UUID crisisId, CrisisStatus status, boolean drill) {
        var crisis = new CrisisChanged(crisisId, null, null, "Outage", status, Severity.HIGH, drill, null, "carol",
                null, Instant.now(), List.of());
        send(Topics.CRISES, CloudEvent.of("/playbook-service", EventTypes.crisis(status), crisisId.toString(), crisis));
    }

    public static JsonPath publications(String query) {
        return given().auth().oauth2(TestTokens.of("cole", "communicator"))
                .when().get("/api/publications?size=500&" + query)
                .then().statusCode(200).extract().jsonPath();
    }

    /** Waits for {@code count} publications on the channel, created from the statement events. */
    public static List<String> awaitPublications(String channelId, int count) {
        return await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                .until(() -> publications("channelId=" + channelId).<String>getList("id"), ids -> ids.size() == count);
    }

    public static JsonPath publication(String id) {
        return given().auth().oauth2(TestTokens.of("cole", "communicator"))
                .when().get("/api/publications/" + id)
                .then().statusCode(200).extract().jsonPath();
    }
}
