package io.firebreak.notification.sms;

import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.firebreak.devstack.testing.TestTokens;
import io.firebreak.devstack.testing.TopicProbe;
import io.firebreak.events.Severity;
import io.firebreak.events.Topics;
import io.firebreak.notification.CrisisEvents;
import io.firebreak.notification.TestKafka;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

/** SMS through Twilio, failing over to Vonage, and Twilio's signed delivery reports. */
@QuarkusTest
class SmsDeliveryTest {

    private static final Pattern ACK_LINK = Pattern.compile("https?://[^ ]+(/api/ack/[A-Za-z0-9_.\\-]+)");

    private static WireMock providers() {
        return new WireMock("127.0.0.1", ConfigProvider.getConfig()
                .getValue(SmsProvidersTestResource.ADMIN_PORT, Integer.class));
    }

    private static String phone() {
        return "+3361" + (1_000_000 + ThreadLocalRandom.current().nextInt(8_999_999));
    }

    private static void contact(String user, String phone, String language) {
        given().auth().oauth2(TestTokens.of(user, "employee")).contentType(ContentType.JSON)
                .body(Map.of("phone", phone, "language", language))
                .when().put("/api/me/contact")
                .then().statusCode(200);
    }

    private static TopicProbe deliveries() {
        return TestKafka.watch(Topics.DELIVERIES);
    }

    private static JsonNode awaitSms(TopicProbe probe, UUID notificationId, String state) {
        return probe.awaitEvent(e -> e.path("data").path("notificationId").asText().equals(notificationId.toString())
                && e.path("data").path("channel").asText().equals("SMS")
                && e.path("data").path("state").asText().equals(state), CrisisEvents.WAIT);
    }

    private static List<LoggedRequest> twilioRequestsTo(String phone) {
        return providers().find(postRequestedFor(urlEqualTo(SmsProvidersTestResource.MESSAGES))
                .withFormParam("To", WireMock.equalTo(phone)));
    }

    private static List<LoggedRequest> vonageRequestsTo(String phone) {
        return providers().find(postRequestedFor(urlEqualTo("/sms/json"))
                .withFormParam("to", WireMock.equalTo(phone.substring(1))));
    }

    /** Twilio's algorithm, written out here independently of the service's. */
    private static String twilioSignature(String url, Map<String, String> params) throws Exception {
        StringBuilder data = new StringBuilder(url);
        new TreeMap<>(params).forEach((name, value) -> data.append(name).append(value));
        Mac mac = Mac.getInstance("HmacSHA1");
        mac.init(new SecretKeySpec(SmsProvidersTestResource.AUTH_TOKEN.getBytes(StandardCharsets.UTF_8),
                "HmacSHA1"));
        return Base64.getEncoder().encodeToString(mac.doFinal(data.toString().getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void holderWithAPhoneGetsAnSmsInTheirLanguageWhoseLinkAcknowledges() throws Exception {
        String phone = phone();
        contact("sacha", phone, "fr");
        UUID notificationId;
        try (TopicProbe probe = deliveries()) {
            UUID crisisId = CrisisEvents.activate(Severity.HIGH, CrisisEvents.holder("sacha", "Porte-parole",
                    false));
            notificationId = CrisisEvents.notificationOf("sacha", crisisId);
            awaitSms(probe, notificationId, "SENT");
        }

        List<LoggedRequest> sent = twilioRequestsTo(phone);
        assertThat(sent).hasSize(1);
        String body = sent.get(0).formParameter("Body").firstValue();
        assertThat(body).startsWith("Firebreak : crise « Bank app outage » (HIGH). Vous êtes Porte-parole.")
                .contains("Je prends le relais : ");
        assertThat(sent.get(0).formParameter("From").firstValue()).isEqualTo(SmsProvidersTestResource.FROM);
        assertThat(vonageRequestsTo(phone)).isEmpty();

        Matcher link = ACK_LINK.matcher(body);
        assertThat(link.find()).isTrue();
        given().when().get(link.group(1)).then().statusCode(200).body(containsString("Je prends le relais"));
        given().accept(ContentType.JSON).when().post(link.group(1))
                .then().statusCode(200)
                .body("id", equalTo(notificationId.toString()))
                .body("state", equalTo("ACKNOWLEDGED"));
        given().accept(ContentType.JSON).when().post(link.group(1)).then().statusCode(409);
    }

    @Test
    void whenTwilioIsThrottledTheSmsGoesThroughVonage() throws Exception {
        String phone = phone();
        providers().register(post(urlEqualTo(SmsProvidersTestResource.MESSAGES)).atPriority(1)
                .withFormParam("To", WireMock.equalTo(phone))
                .willReturn(SmsProvidersTestResource.twilioError(429, 20429, "Too Many Requests")));
        contact("tomas", phone, "en");
        try (TopicProbe probe = deliveries()) {
            UUID crisisId = CrisisEvents.activate(Severity.HIGH, CrisisEvents.holder("tomas", "Legal", false));
            awaitSms(probe, CrisisEvents.notificationOf("tomas", crisisId), "SENT");
            given().auth().oauth2(TestTokens.of("carol", "crisis-manager"))
                    .when().get("/api/notifications/crises/" + crisisId)
                    .then().statusCode(200)
                    .body("deliveries.find { it.channel == 'SMS' }.provider", equalTo("VONAGE"));
        }
        assertThat(twilioRequestsTo(phone)).hasSize(1);
        List<LoggedRequest> fallback = vonageRequestsTo(phone);
        assertThat(fallback).hasSize(1);
        assertThat(fallback.get(0).formParameter("text").firstValue())
                .startsWith("Firebreak: crisis \"Bank app outage\" (HIGH). You are Legal.");
    }

    @Test
    void aNumberTwilioRefusesFailsWithItsCodeAndIsNotTriedElsewhere() throws Exception {
        String phone = phone();
        providers().register(post(urlEqualTo(SmsProvidersTestResource.MESSAGES)).atPriority(1)
                .withFormParam("To", WireMock.equalTo(phone))
                .willReturn(SmsProvidersTestResource.twilioError(400, 21211,
                        "The 'To' number is not a valid phone number.")));
        contact("ursula", phone, "en");
        try (TopicProbe probe = deliveries()) {
            UUID crisisId = CrisisEvents.activate(Severity.HIGH, CrisisEvents.holder("ursula", "Legal", false));
            JsonNode failed = awaitSms(probe, CrisisEvents.notificationOf("ursula", crisisId), "FAILED");
            assertThat(failed.path("data").path("error").asText())
                    .isEqualTo("attempt 1: Twilio 400 21211: The 'To' number is not a valid phone number.");
        }
        assertThat(vonageRequestsTo(phone)).isEmpty();
    }

    @Test
    void twilioSignedDeliveryReportsMarkTheSmsDeliveredAndForgedOnesAreRefused() throws Exception {
        String phone = phone();
        String sid = "SM" + UUID.randomUUID().toString().replace("-", "");
        providers().register(post(urlEqualTo(SmsProvidersTestResource.MESSAGES)).atPriority(1)
                .withFormParam("To", WireMock.equalTo(phone))
                .willReturn(SmsProvidersTestResource.twilioAccepted(sid)));
        contact("vera", phone, "en");
        try (TopicProbe probe = deliveries()) {
            UUID crisisId = CrisisEvents.activate(Severity.HIGH, CrisisEvents.holder("vera", "Legal", false));
            UUID notificationId = CrisisEvents.notificationOf("vera", crisisId);
            awaitSms(probe, notificationId, "SENT");

            String callback = twilioRequestsTo(phone).get(0).formParameter("StatusCallback").firstValue();
            String path = callback.substring(callback.indexOf("/api/"));
            Map<String, String> report = Map.of("MessageSid", sid, "MessageStatus", "delivered",
                    "AccountSid", SmsProvidersTestResource.ACCOUNT_SID, "To", phone);

            given().header("X-Twilio-Signature", twilioSignature(callback, Map.of("MessageSid", sid)))
                    .formParams(report)
                    .when().post(path)
                    .then().statusCode(403).contentType("application/problem+json");
            given().formParams(report).when().post(path).then().statusCode(403);

            given().header("X-Twilio-Signature", twilioSignature(callback, report))
                    .formParams(report)
                    .when().post(path)
                    .then().statusCode(204);
            awaitSms(probe, notificationId, "DELIVERED");
            given().auth().oauth2(TestTokens.of("carol", "crisis-manager"))
                    .when().get("/api/notifications/crises/" + crisisId)
                    .then().statusCode(200)
                    .body("deliveries.find { it.channel == 'SMS' }.state", equalTo("DELIVERED"));

            // Twilio may report again: nothing changes, nothing is announced twice.
            given().header("X-Twilio-Signature", twilioSignature(callback, report))
                    .formParams(report)
                    .when().post(path)
                    .then().statusCode(204);
        }
    }
}
