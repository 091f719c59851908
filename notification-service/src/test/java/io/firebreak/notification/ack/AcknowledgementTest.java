package io.firebreak.notification.ack;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import com.fasterxml.jackson.databind.JsonNode;
import io.firebreak.devstack.testing.TestTokens;
import io.firebreak.devstack.testing.TopicProbe;
import io.firebreak.events.Severity;
import io.firebreak.events.Topics;
import io.firebreak.notification.CrisisEvents;
import io.firebreak.notification.TestKafka;
import io.firebreak.notification.TestUsers;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Clock;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
class AcknowledgementTest {

    @Inject
    AckLinks links;

    /** The service's clock, which escalation tests move forward. */
    @Inject
    Clock clock;

    @Test
    void recipientAcknowledgesOnceAndTheTimelineLearnsIt() throws Exception {
        UUID crisisId = CrisisEvents.activate(Severity.HIGH, CrisisEvents.holder("olga", "Spokesperson", false));
        UUID id = CrisisEvents.notificationOf("olga", crisisId);

        try (TopicProbe deliveries = TestKafka.watch(Topics.DELIVERIES)) {
            String acknowledgedAt = given().auth().oauth2(TestTokens.of("olga", "employee"))
                    .when().post("/api/notifications/" + id + "/ack")
                    .then().statusCode(200)
                    .body("state", equalTo("ACKNOWLEDGED"))
                    .body("acknowledgedVia", equalTo("IN_APP"))
                    .extract().path("acknowledgedAt");

            // The notification's QUEUED and SENT events may be relayed after the probe started.
            JsonNode event = deliveries.awaitEvent(e -> e.path("data").path("notificationId").asText()
                    .equals(id.toString()) && e.path("data").path("state").asText().equals("ACKNOWLEDGED"),
                    CrisisEvents.WAIT);
            assertThat(event.path("type").asText()).isEqualTo("io.firebreak.notification.delivery.acknowledged");
            assertThat(event.path("_key").asText()).isEqualTo(crisisId.toString());
            assertThat(event.path("data").path("recipient").asText()).isEqualTo(TestTokens.subjectOf("olga"));
            assertThat(event.path("data").path("state").asText()).isEqualTo("ACKNOWLEDGED");

            // The app retrying its request changes nothing.
            given().auth().oauth2(TestTokens.of("olga", "employee"))
                    .when().post("/api/notifications/" + id + "/ack")
                    .then().statusCode(200)
                    .body("acknowledgedAt", equalTo(acknowledgedAt));
        }
    }

    @Test
    void nobodyAcknowledgesAnotherPersonsNotification() throws Exception {
        UUID crisisId = CrisisEvents.activate(Severity.HIGH, CrisisEvents.holder("pia", "Legal counsel", false));
        UUID id = CrisisEvents.notificationOf("pia", crisisId);

        given().auth().oauth2(TestTokens.of("quentin", "employee"))
                .when().post("/api/notifications/" + id + "/ack")
                .then().statusCode(404).contentType("application/problem+json");
        given().auth().oauth2(TestTokens.of("carol", "crisis-manager"))
                .when().post("/api/notifications/" + id + "/ack")
                .then().statusCode(404);

        given().auth().oauth2(TestTokens.of("pia", "employee"))
                .when().get("/api/me/notifications")
                .then().statusCode(200)
                .body("find { it.id == '" + id + "' }.state", equalTo("QUEUED"));
    }

    @Test
    void acknowledgingNeedsAnEmployeeToken() {
        UUID id = UUID.randomUUID();
        given().when().post("/api/notifications/" + id + "/ack").then().statusCode(401);
        given().auth().oauth2(TestUsers.withoutEmployeeRole("bot"))
                .when().post("/api/notifications/" + id + "/ack").then().statusCode(403);
    }

    @Test
    void openingALinkOnlyShowsTheConfirmButtonAndAcknowledgesNothing() throws Exception {
        UUID crisisId = CrisisEvents.activate(Severity.HIGH, CrisisEvents.holder("rhea", "Spokesperson", false));
        UUID id = CrisisEvents.notificationOf("rhea", crisisId);
        String link = links.sign(id, clock.instant().plus(Duration.ofHours(1)));

        // A mail scanner or a link preview fetches the link, maybe twice.
        for (int fetch = 0; fetch < 2; fetch++) {
            given().when().get("/api/ack/" + link)
                    .then().statusCode(200).contentType("text/html")
                    .body(containsString("<form method=\"post\""), containsString("I'm on it"),
                            containsString("Bank app outage"), containsString("Spokesperson"));
        }

        given().auth().oauth2(TestTokens.of("rhea", "employee"))
                .when().get("/api/me/notifications")
                .then().statusCode(200)
                .body("find { it.id == '" + id + "' }.state", equalTo("QUEUED"));
    }

    @Test
    void confirmingASignedLinkAcknowledgesWithoutLoginExactlyOnce() throws Exception {
        UUID crisisId = CrisisEvents.activate(Severity.HIGH, CrisisEvents.holder("rosa", "Spokesperson", false));
        UUID id = CrisisEvents.notificationOf("rosa", crisisId);
        String link = links.sign(id, clock.instant().plus(Duration.ofHours(1)));

        given().accept(ContentType.JSON).when().post("/api/ack/" + link)
                .then().statusCode(200)
                .body("id", equalTo(id.toString()))
                .body("state", equalTo("ACKNOWLEDGED"))
                .body("acknowledgedVia", equalTo("EMAIL"));

        given().accept(ContentType.HTML).when().post("/api/ack/" + link)
                .then().statusCode(409).contentType("application/problem+json")
                .body("type", equalTo("https://firebreak.io/problems/already-acknowledged"))
                .body("detail", containsString("cannot be used again"));
        given().when().get("/api/ack/" + link)
                .then().statusCode(409).contentType("application/problem+json");
    }

    @Test
    void theConfirmButtonOfABrowserGetsAThankYouPageInTheRecipientsLanguage() throws Exception {
        given().auth().oauth2(TestTokens.of("remi", "employee")).contentType(ContentType.JSON)
                .body(java.util.Map.of("language", "fr"))
                .when().put("/api/me/contact")
                .then().statusCode(200);
        UUID crisisId = CrisisEvents.activate(Severity.HIGH, CrisisEvents.holder("remi", "Porte-parole", false));
        UUID id = CrisisEvents.notificationOf("remi", crisisId);
        String link = links.sign(id, clock.instant().plus(Duration.ofHours(1)));

        given().when().get("/api/ack/" + link)
                .then().statusCode(200).body(containsString("Je prends le relais"));
        given().accept(ContentType.HTML).when().post("/api/ack/" + link)
                .then().statusCode(200).contentType("text/html")
                .body(containsString("Votre prise en charge est enregistrée"));
        given().auth().oauth2(TestTokens.of("remi", "employee"))
                .when().get("/api/me/notifications")
                .then().statusCode(200)
                .body("find { it.id == '" + id + "' }.state", equalTo("ACKNOWLEDGED"));
    }

    @Test
    void anExpiredLinkIsGoneAndAcknowledgesNothing() throws Exception {
        UUID crisisId = CrisisEvents.activate(Severity.HIGH, CrisisEvents.holder("sam", "Spokesperson", false));
        UUID id = CrisisEvents.notificationOf("sam", crisisId);

        given().when().post("/api/ack/" + links.sign(id, clock.instant().minusSeconds(1)))
                .then().statusCode(410).contentType("application/problem+json");
        given().when().get("/api/ack/" + links.sign(id, clock.instant().minusSeconds(1)))
                .then().statusCode(410).contentType("application/problem+json")
                .body("type", equalTo("https://firebreak.io/problems/ack-link-expired"));

        given().auth().oauth2(TestTokens.of("sam", "employee"))
                .when().get("/api/me/notifications")
                .then().statusCode(200)
                .body("find { it.id == '" + id + "' }.state", equalTo("QUEUED"));
    }

    @Test
    void aForgedLinkIsRefused() {
        String forged = links.sign(UUID.randomUUID(), clock.instant().plusSeconds(600)).replaceFirst("\\.", ".1");

        given().when().get("/api/ack/" + forged)
                .then().statusCode(400).contentType("application/problem+json")
                .body("type", equalTo("https://firebreak.io/problems/ack-link-invalid"));
        given().when().post("/api/ack/" + forged)
                .then().statusCode(400).contentType("application/problem+json")
                .body("type", equalTo("https://firebreak.io/problems/ack-link-invalid"));
    }
}
