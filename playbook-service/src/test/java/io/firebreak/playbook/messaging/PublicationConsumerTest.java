package io.firebreak.playbook.messaging;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.firebreak.devstack.testing.InfrastructureTestResource;
import io.firebreak.devstack.testing.TestTokens;
import io.firebreak.devstack.testing.TopicProbe;
import io.firebreak.events.CloudEvent;
import io.firebreak.events.EventJson;
import io.firebreak.events.EventSchemas;
import io.firebreak.events.EventTypes;
import io.firebreak.events.PublicationChanged;
import io.firebreak.events.Topics;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

@QuarkusTest
class PublicationConsumerTest {

    private static String approvedStatement(UUID channel) {
        String crisisId = given().auth().oauth2(TestTokens.of("carol", "crisis-manager"))
                .contentType(ContentType.JSON).body("{\"title\":\"Bank app down\",\"severity\":\"HIGH\"}")
                .when().post("/api/crises")
                .then().statusCode(201).extract().path("id");
        String id = given().auth().oauth2(TestTokens.of("cole", "communicator"))
                .contentType(ContentType.JSON)
                .body("{\"phase\":\"HOLDING\",\"channel\":\"x\",\"language\":\"en\",\"text\":\"We are on it.\"}")
                .when().post("/api/crises/" + crisisId + "/statements")
                .then().statusCode(201).extract().path("id");
        given().auth().oauth2(TestTokens.of("abe", "approver"))
                .contentType(ContentType.JSON).body("{\"channelIds\":[\"" + channel + "\"]}")
                .when().post("/api/statements/" + id + "/approve")
                .then().statusCode(200);
        return id;
    }

    private static void send(String statementId, UUID channel, String state, String url, String error)
            throws Exception {
        UUID publicationId = UUID.randomUUID();
        var publication = new PublicationChanged(publicationId, UUID.fromString(statementId), null, channel, "x",
                state, url == null ? null : "123", url, error, null, Instant.now());
        var event = CloudEvent.of("/publishing-service", EventTypes.PUBLICATION_PREFIX + state.toLowerCase(java.util.Locale.ROOT),
                publicationId.toString(), publication);
        String json = EventJson.newMapper().writeValueAsString(event);
        assertThat(EventSchemas.violations(Topics.PUBLICATIONS, json)).isEmpty();
        TopicProbe.send(InfrastructureTestResource.kafkaBootstrapServers(), Topics.PUBLICATIONS, event.subject(), json);
        TopicProbe.send(InfrastructureTestResource.kafkaBootstrapServers(), Topics.PUBLICATIONS, event.subject(), json);
    }

    private static JsonPath statement(String id) {
        return given().auth().oauth2(TestTokens.of("cole", "communicator"))
                .when().get("/api/statements/" + id)
                .then().statusCode(200).extract().jsonPath();
    }

    @Test
    void publishedReportMarksTheStatementPublished() throws Exception {
        UUID channel = UUID.randomUUID();
        String id = approvedStatement(channel);

        send(id, channel, "PUBLISHED", "https://x.example/acme/status/123", null);

        Awaitility.await().atMost(Duration.ofSeconds(30))
                .until(() -> statement(id).getString("status").equals("PUBLISHED"));
        assertThat(statement(id).getString("publicationUrl")).isEqualTo("https://x.example/acme/status/123");
    }

    @Test
    void failedReportShowsTheErrorOnTheStatement() throws Exception {
        UUID channel = UUID.randomUUID();
        String id = approvedStatement(channel);

        send(id, channel, "FAILED", null, "token revoked by the platform");

        Awaitility.await().atMost(Duration.ofSeconds(30))
                .until(() -> "token revoked by the platform".equals(statement(id).getString("publicationError")));
        assertThat(statement(id).getString("status")).isEqualTo("APPROVED");
    }
}
