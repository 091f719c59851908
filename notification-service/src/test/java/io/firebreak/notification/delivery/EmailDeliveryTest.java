package io.firebreak.notification.delivery;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import com.fasterxml.jackson.databind.JsonNode;
import io.firebreak.devstack.testing.TestTokens;
import io.firebreak.devstack.testing.TopicProbe;
import io.firebreak.events.Assignment;
import io.firebreak.events.Severity;
import io.firebreak.events.Topics;
import io.firebreak.notification.CrisisEvents;
import io.firebreak.notification.TestKafka;
import io.firebreak.notification.Mailboxes;
import io.firebreak.notification.Mailboxes.ReceivedMail;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

@QuarkusTest
class EmailDeliveryTest {

    private static final Pattern ACK_LINK = Pattern.compile("http://localhost:\\d+(/api/ack/[A-Za-z0-9_.\\-]+)");

    private static String ackPath(String text) {
        Matcher matcher = ACK_LINK.matcher(text);
        assertThat(matcher.find()).as("acknowledge link in %s", text).isTrue();
        return matcher.group(1);
    }

    @Test
    void roleHolderGetsTheAlertInFrenchWithBriefingAndAOneTimeAcknowledgeLink() throws Exception {
        given().auth().oauth2(TestTokens.of("tess", "employee")).contentType(ContentType.JSON)
                .body(Map.of("language", "fr"))
                .when().put("/api/me/contact")
                .then().statusCode(200);

        try (TopicProbe deliveries = TestKafka.watch(Topics.DELIVERIES)) {
            UUID crisisId = CrisisEvents.activate(Severity.CRITICAL,
                    CrisisEvents.holder("tess", "Porte-parole", false));
            UUID notificationId = CrisisEvents.notificationOf("tess", crisisId);

            JsonNode sent = deliveries.awaitEvent(e -> e.path("data").path("notificationId").asText()
                    .equals(notificationId.toString()) && e.path("data").path("state").asText().equals("SENT"),
                    CrisisEvents.WAIT);
            assertThat(sent.path("type").asText()).isEqualTo("io.firebreak.notification.delivery.sent");
            assertThat(sent.path("data").path("channel").asText()).isEqualTo("EMAIL");

            ReceivedMail mail = Mailboxes.awaitMails("tess@firebreak.local", 1, CrisisEvents.WAIT).get(0);
            assertThat(mail.subject()).isEqualTo("[CRITIQUE] Crise « Bank app outage » : vous êtes Porte-parole");
            assertThat(mail.to()).containsExactly("tess@firebreak.local");
            assertThat(mail.text()).contains("Bonjour tess", "/crises/" + crisisId + "/briefing");
            assertThat(mail.html()).contains("Je prends le relais", "/crises/" + crisisId + "/briefing");

            String ack = ackPath(mail.text());
            assertThat(mail.html()).contains(ack);
            given().when().get(ack)
                    .then().statusCode(200).contentType("text/html")
                    .body(org.hamcrest.Matchers.containsString("Je prends le relais"));
            given().accept(ContentType.JSON).when().post(ack)
                    .then().statusCode(200)
                    .body("id", equalTo(notificationId.toString()))
                    .body("state", equalTo("ACKNOWLEDGED"));
            given().accept(ContentType.JSON).when().post(ack)
                    .then().statusCode(409).contentType("application/problem+json");
        }
    }

    @Test
    void mailGoesToTheAddressThePersonGaveInEnglishByDefault() throws Exception {
        given().auth().oauth2(TestTokens.of("uma", "employee")).contentType(ContentType.JSON)
                .body(Map.of("language", "en", "email", "uma.private@example.org"))
                .when().put("/api/me/contact")
                .then().statusCode(200);

        UUID crisisId = CrisisEvents.activate(Severity.HIGH, CrisisEvents.holder("uma", "Spokesperson", true));

        List<ReceivedMail> mails = Mailboxes.awaitMails("uma.private@example.org", 1, CrisisEvents.WAIT);
        assertThat(mails).hasSize(1);
        assertThat(mails.get(0).subject()).isEqualTo("Crisis \"Bank app outage\": you are Spokesperson");
        assertThat(mails.get(0).text()).contains("Hello uma", "as backup", "/crises/" + crisisId + "/briefing");
        assertThat(Mailboxes.read("uma@firebreak.local")).isEmpty();
    }

    @Test
    void aMailThatCannotBeDeliveredIsRecordedAndAnnouncedAsFailedWithTheReason() throws Exception {
        Assignment unreachable = new Assignment(TestTokens.subjectOf("dora"), "dora", "dora at firebreak",
                "Spokesperson", false);
        try (TopicProbe deliveries = TestKafka.watch(Topics.DELIVERIES)) {
            UUID crisisId = CrisisEvents.activate(Severity.HIGH, unreachable);
            UUID notificationId = CrisisEvents.notificationOf("dora", crisisId);

            JsonNode failed = deliveries.awaitEvent(e -> e.path("data").path("notificationId").asText()
                    .equals(notificationId.toString()) && e.path("data").path("state").asText().equals("FAILED"),
                    CrisisEvents.WAIT);
            assertThat(failed.path("type").asText()).isEqualTo("io.firebreak.notification.delivery.failed");
            assertThat(failed.path("data").path("error").asText()).startsWith("attempt 1: ");

            given().auth().oauth2(TestTokens.of("carol", "crisis-manager"))
                    .when().get("/api/notifications/crises/" + crisisId)
                    .then().statusCode(200)
                    .body("deliveries[0].notificationId", equalTo(notificationId.toString()))
                    .body("deliveries[0].channel", equalTo("EMAIL"))
                    .body("deliveries[0].attempts", equalTo(1))
                    .body("deliveries[0].lastError", equalTo(failed.path("data").path("error").asText()));
        }
    }
}
