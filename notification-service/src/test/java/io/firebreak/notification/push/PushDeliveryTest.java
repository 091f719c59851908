package io.firebreak.notification.push;

import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.firebreak.devstack.testing.TestTokens;
import io.firebreak.devstack.testing.TopicProbe;
import io.firebreak.events.Severity;
import io.firebreak.events.Topics;
import io.firebreak.notification.AdjustableClock;
import io.firebreak.notification.CrisisEvents;
import io.firebreak.notification.TestKafka;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

/** Push to the holders' phones through FCM HTTP v1 and APNs, against stand-ins enforcing their contracts. */
@QuarkusTest
class PushDeliveryTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SEND = "/v1/projects/" + PushProvidersTestResource.PROJECT + "/messages:send";

    @Inject
    AdjustableClock clock;

    private static WireMock fcm() {
        return new WireMock("127.0.0.1", ConfigProvider.getConfig()
                .getValue(PushProvidersTestResource.FCM_ADMIN_PORT, Integer.class));
    }

    private static WireMock apns() {
        return new WireMock("127.0.0.1", ConfigProvider.getConfig()
                .getValue(PushProvidersTestResource.APNS_ADMIN_PORT, Integer.class));
    }

    private static String fcmToken() {
        return "fcm-" + UUID.randomUUID() + ":APA91b";
    }

    private static String apnsToken() {
        byte[] bytes = new byte[32];
        ThreadLocalRandom.current().nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    private static String registerDevice(String user, String platform, String token) {
        return given().auth().oauth2(TestTokens.of(user, "employee")).contentType(ContentType.JSON)
                .body(Map.of("platform", platform, "token", token, "appVersion", "2.0.0"))
                .when().post("/api/me/devices")
                .then().statusCode(201)
                .extract().path("id");
    }

    private static void speaks(String user, String language) {
        given().auth().oauth2(TestTokens.of(user, "employee")).contentType(ContentType.JSON)
                .body(Map.of("language", language))
                .when().put("/api/me/contact")
                .then().statusCode(200);
    }

    private static TopicProbe deliveries() {
        return TestKafka.watch(Topics.DELIVERIES);
    }

    private static JsonNode awaitPush(TopicProbe probe, UUID notificationId, String state) {
        return probe.awaitEvent(e -> e.path("data").path("notificationId").asText().equals(notificationId.toString())
                && e.path("data").path("channel").asText().equals("PUSH")
                && e.path("data").path("state").asText().equals(state), CrisisEvents.WAIT);
    }

    private static List<LoggedRequest> fcmSendsTo(String token) {
        return fcm().find(postRequestedFor(urlEqualTo(SEND)).withRequestBody(matchingJsonPath("$.message.token",
                WireMock.equalTo(token))));
    }

    private static List<LoggedRequest> apnsSendsTo(String token) {
        return apns().find(postRequestedFor(urlEqualTo("/3/device/" + token)));
    }

    private static JsonNode json(LoggedRequest request) throws Exception {
        return JSON.readTree(request.getBodyAsString());
    }

    @Test
    void androidHolderGetsAHighPriorityFcmPushInTheirLanguage() throws Exception {
        speaks("fabien", "fr");
        String token = fcmToken();
        registerDevice("fabien", "ANDROID", token);

        try (TopicProbe probe = deliveries()) {
            UUID crisisId = CrisisEvents.activate(Severity.HIGH, CrisisEvents.holder("fabien", "Porte-parole", false));
            UUID notificationId = CrisisEvents.notificationOf("fabien", crisisId);
            awaitPush(probe, notificationId, "SENT");
        }

        List<LoggedRequest> sends = fcmSendsTo(token);
        assertThat(sends).hasSize(1);
        assertThat(sends.get(0).getHeader("Authorization"))
                .isEqualTo("Bearer " + PushProvidersTestResource.ACCESS_TOKEN);
        JsonNode message = json(sends.get(0)).path("message");
        assertThat(message.path("android").path("priority").asText()).isEqualTo("HIGH");
        assertThat(message.path("notification").path("title").asText()).isEqualTo("Crise : Bank app outage");
        assertThat(message.path("notification").path("body").asText()).startsWith("Vous êtes Porte-parole.");
        assertThat(message.path("data").path("severity").asText()).isEqualTo("HIGH");

        // The access token was bought with an assertion the service account's key signed.
        LoggedRequest grant = fcm().find(postRequestedFor(urlEqualTo("/token"))).get(0);
        String assertion = grant.formParameter("assertion").firstValue();
        Jws.Verified jwt = Jws.verify(assertion, "RS256", Jws.publicKey("RSA", ConfigProvider.getConfig()
                .getValue(PushProvidersTestResource.FCM_PUBLIC_KEY, String.class))).orElseThrow();
        assertThat(jwt.claims().path("iss").asText()).isEqualTo(PushProvidersTestResource.CLIENT_EMAIL);
        assertThat(jwt.claims().path("scope").asText()).isEqualTo(FcmSender.SCOPE);
        assertThat(grant.formParameter("grant_type").firstValue()).isEqualTo(FcmSender.JWT_BEARER);
    }

    @Test
    void theFcmAccessTokenIsRenewedAheadOfNeedWithoutAnyPush() {
        // Bought at start, before any crisis needed it.
        await().atMost(Duration.ofSeconds(10)).until(() -> tokenGrants() > 0);
        int grants = tokenGrants();

        // Within ten minutes of its expiry (valid 3599 s), it is renewed though nothing is being sent.
        clock.advance(Duration.ofMinutes(52));

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(tokenGrants()).isGreaterThan(grants));
    }

    private static int tokenGrants() {
        return fcm().find(postRequestedFor(urlEqualTo("/token"))).size();
    }

    @Test
    void theFcmAccessTokenIsReusedUntilItNearlyExpires() throws Exception {
        String first = fcmToken();
        String second = fcmToken();
        String third = fcmToken();
        registerDevice("gael", "ANDROID", first);
        registerDevice("hana", "ANDROID", second);
        registerDevice("ines", "ANDROID", third);
        try (TopicProbe probe = deliveries()) {
            UUID crisisId = CrisisEvents.activate(Severity.HIGH, CrisisEvents.holder("gael", "Legal", false));
            awaitPush(probe, CrisisEvents.notificationOf("gael", crisisId), "SENT");
            int grants = fcm().find(postRequestedFor(urlEqualTo("/token"))).size();

            crisisId = CrisisEvents.activate(Severity.HIGH, CrisisEvents.holder("hana", "Legal", false));
            awaitPush(probe, CrisisEvents.notificationOf("hana", crisisId), "SENT");
            assertThat(fcm().find(postRequestedFor(urlEqualTo("/token")))).hasSize(grants);

            // An hour later the token (valid 3599 s) has expired: a new one is bought before sending.
            clock.advance(Duration.ofHours(1));
            crisisId = CrisisEvents.activate(Severity.HIGH, CrisisEvents.holder("ines", "Legal", false));
            awaitPush(probe, CrisisEvents.notificationOf("ines", crisisId), "SENT");
            assertThat(fcm().find(postRequestedFor(urlEqualTo("/token"))).size()).isGreaterThan(grants);
        }
    }

    @Test
    void anUnregisteredFcmTokenMarksTheDeviceAndShowsInReadiness() throws Exception {
        String token = fcmToken();
        fcm().register(post(urlEqualTo(SEND)).atPriority(1)
                .withRequestBody(matchingJsonPath("$.message.token", WireMock.equalTo(token)))
                .willReturn(PushProvidersTestResource.fcmError(404, "NOT_FOUND", "UNREGISTERED",
                        "Requested entity was not found.")));
        String deviceId = registerDevice("jade", "ANDROID", token);

        try (TopicProbe probe = deliveries()) {
            UUID crisisId = CrisisEvents.activate(Severity.HIGH, CrisisEvents.holder("jade", "Legal", false));
            JsonNode failed = awaitPush(probe, CrisisEvents.notificationOf("jade", crisisId), "FAILED");
            assertThat(failed.path("data").path("error").asText())
                    .startsWith("attempt 1: FCM 404 UNREGISTERED")
                    .endsWith("device token rejected");
        }

        given().auth().oauth2(TestTokens.of("jade", "employee"))
                .when().get("/api/me/devices")
                .then().statusCode(200)
                .body("find { it.id == '" + deviceId + "' }.rejectedAt", notNullValue())
                .body("find { it.id == '" + deviceId + "' }.rejectedReason", org.hamcrest.Matchers.startsWith(
                        "FCM 404 UNREGISTERED"));
        given().auth().oauth2(TestTokens.of("carol", "crisis-manager"))
                .when().get("/api/readiness")
                .then().statusCode(200)
                .body("find { it.kind == 'PUSH_TOKEN_REJECTED' && it.subject == '" + TestTokens.subjectOf("jade")
                        + "' }.detail", org.hamcrest.Matchers.containsString(deviceId));
        assertThat(fcmSendsTo(token)).hasSize(1);

        // Opening the app registers the token again: the device is trusted anew.
        given().auth().oauth2(TestTokens.of("jade", "employee")).contentType(ContentType.JSON)
                .body(Map.of("platform", "ANDROID", "token", token))
                .when().post("/api/me/devices")
                .then().statusCode(200);
        given().auth().oauth2(TestTokens.of("jade", "employee"))
                .when().get("/api/me/devices")
                .then().statusCode(200)
                .body("find { it.id == '" + deviceId + "' }.rejectedAt", nullValue());
    }

    @Test
    void anInvalidArgumentFailsThePushWithoutRetryingOrRejectingTheDevice() throws Exception {
        String token = fcmToken();
        fcm().register(post(urlEqualTo(SEND)).atPriority(1)
                .withRequestBody(matchingJsonPath("$.message.token", WireMock.equalTo(token)))
                .willReturn(PushProvidersTestResource.fcmError(400, "INVALID_ARGUMENT", "INVALID_ARGUMENT",
                        "The registration token is not a valid FCM registration token")));
        String deviceId = registerDevice("karl", "ANDROID", token);

        try (TopicProbe probe = deliveries()) {
            UUID crisisId = CrisisEvents.activate(Severity.HIGH, CrisisEvents.holder("karl", "Legal", false));
            JsonNode failed = awaitPush(probe, CrisisEvents.notificationOf("karl", crisisId), "FAILED");
            assertThat(failed.path("data").path("error").asText())
                    .isEqualTo("attempt 1: FCM 400 INVALID_ARGUMENT: "
                            + "The registration token is not a valid FCM registration token");
            given().auth().oauth2(TestTokens.of("carol", "crisis-manager"))
                    .when().get("/api/notifications/crises/" + crisisId)
                    .then().statusCode(200)
                    .body("deliveries.find { it.channel == 'PUSH' }.state", equalTo("FAILED"))
                    .body("deliveries.find { it.channel == 'PUSH' }.provider", equalTo("FCM"));
        }
        given().auth().oauth2(TestTokens.of("karl", "employee"))
                .when().get("/api/me/devices")
                .then().statusCode(200)
                .body("find { it.id == '" + deviceId + "' }.rejectedAt", nullValue());
    }

    @Test
    void quotaExceededIsRetriedNoSoonerThanFcmAsksThenSent() throws Exception {
        String token = fcmToken();
        fcm().register(post(urlEqualTo(SEND)).atPriority(1).inScenario("quota-" + token)
                .whenScenarioStateIs(Scenario.STARTED)
                .withRequestBody(matchingJsonPath("$.message.token", WireMock.equalTo(token)))
                .willReturn(PushProvidersTestResource.fcmError(429, "RESOURCE_EXHAUSTED", "QUOTA_EXCEEDED",
                        "Sending limit exceeded").withHeader("Retry-After", "120"))
                .willSetStateTo("unavailable"));
        fcm().register(post(urlEqualTo(SEND)).atPriority(1).inScenario("quota-" + token)
                .whenScenarioStateIs("unavailable")
                .withRequestBody(matchingJsonPath("$.message.token", WireMock.equalTo(token)))
                .willReturn(PushProvidersTestResource.fcmError(503, "UNAVAILABLE", "UNAVAILABLE",
                        "The service is currently unavailable."))
                .willSetStateTo("recovered"));
        registerDevice("lena", "ANDROID", token);

        try (TopicProbe probe = deliveries()) {
            UUID crisisId = CrisisEvents.activate(Severity.HIGH, CrisisEvents.holder("lena", "Legal", false));
            UUID notificationId = CrisisEvents.notificationOf("lena", crisisId);
            JsonNode throttled = awaitPush(probe, notificationId, "FAILED");
            String error = throttled.path("data").path("error").asText();
            assertThat(error).startsWith("attempt 1: FCM 429 QUOTA_EXCEEDED");
            Instant retryAt = Instant.parse(error.substring(error.indexOf("retrying at ") + "retrying at ".length()));
            assertThat(retryAt).isAfterOrEqualTo(Instant.parse(throttled.path("data").path("changedAt").asText())
                    .plusSeconds(120));

            clock.advance(Duration.ofSeconds(121));
            JsonNode unavailable = probe.awaitEvent(e -> e.path("data").path("notificationId").asText()
                    .equals(notificationId.toString()) && e.path("data").path("error").asText()
                    .startsWith("attempt 2: "), CrisisEvents.WAIT);
            assertThat(unavailable.path("data").path("error").asText()).contains("FCM 503 UNAVAILABLE", "retrying at");

            clock.advance(Duration.ofSeconds(30));
            awaitPush(probe, notificationId, "SENT");
        }
        assertThat(fcmSendsTo(token)).hasSize(3);
    }

    @Test
    void iphoneHolderOfACriticalCrisisGetsACriticalApnsAlertOverHttp2() throws Exception {
        speaks("maya", "en");
        String token = apnsToken();
        registerDevice("maya", "IOS", token);

        try (TopicProbe probe = deliveries()) {
            UUID crisisId = CrisisEvents.activate(Severity.CRITICAL, CrisisEvents.holder("maya", "Spokesperson",
                    false));
            awaitPush(probe, CrisisEvents.notificationOf("maya", crisisId), "SENT");
        }

        List<LoggedRequest> sends = apnsSendsTo(token);
        assertThat(sends).hasSize(1);
        LoggedRequest push = sends.get(0);
        assertThat(push.getProtocol()).startsWith("HTTP/2");
        assertThat(push.getHeader("apns-push-type")).isEqualTo("alert");
        assertThat(push.getHeader("apns-topic")).isEqualTo(PushProvidersTestResource.TOPIC);
        assertThat(push.getHeader("apns-priority")).isEqualTo("10");
        JsonNode aps = json(push).path("aps");
        assertThat(aps.path("interruption-level").asText()).isEqualTo("critical");
        assertThat(aps.path("sound").path("critical").asInt()).isEqualTo(1);
        assertThat(aps.path("alert").path("title").asText()).isEqualTo("[CRITICAL] Crisis: Bank app outage");

        String bearer = push.getHeader("authorization");
        assertThat(bearer).startsWith("bearer ");
        Jws.Verified jwt = Jws.verify(bearer.substring("bearer ".length()), "ES256", Jws.publicKey("EC",
                ConfigProvider.getConfig().getValue(PushProvidersTestResource.APNS_PUBLIC_KEY, String.class)))
                .orElseThrow();
        assertThat(jwt.header().path("kid").asText()).isEqualTo(PushProvidersTestResource.KEY_ID);
        assertThat(jwt.claims().path("iss").asText()).isEqualTo(PushProvidersTestResource.TEAM_ID);
        assertThat(Instant.ofEpochSecond(jwt.claims().path("iat").asLong()))
                .isAfter(clock.instant().minus(Duration.ofHours(1)));
    }

    @Test
    void theApnsProviderTokenIsReusedThenRenewedBeforeAnHour() throws Exception {
        String first = apnsToken();
        String second = apnsToken();
        String third = apnsToken();
        registerDevice("nils", "IOS", first);
        registerDevice("olga", "IOS", second);
        registerDevice("paul", "IOS", third);
        try (TopicProbe probe = deliveries()) {
            UUID crisisId = CrisisEvents.activate(Severity.HIGH, CrisisEvents.holder("nils", "Legal", false));
            awaitPush(probe, CrisisEvents.notificationOf("nils", crisisId), "SENT");
            crisisId = CrisisEvents.activate(Severity.HIGH, CrisisEvents.holder("olga", "Legal", false));
            awaitPush(probe, CrisisEvents.notificationOf("olga", crisisId), "SENT");
            clock.advance(Duration.ofMinutes(51));
            crisisId = CrisisEvents.activate(Severity.HIGH, CrisisEvents.holder("paul", "Legal", false));
            awaitPush(probe, CrisisEvents.notificationOf("paul", crisisId), "SENT");
        }
        String nils = apnsSendsTo(first).get(0).getHeader("authorization");
        String olga = apnsSendsTo(second).get(0).getHeader("authorization");
        String paul = apnsSendsTo(third).get(0).getHeader("authorization");
        assertThat(olga).isEqualTo(nils);
        assertThat(paul).isNotEqualTo(olga);
        assertThat(json(apnsSendsTo(third).get(0)).path("aps").path("interruption-level").asText())
                .isEqualTo("time-sensitive");
    }

    @Test
    void apnsGoneAndBadTokensMarkTheirDevicesWhileOtherChannelsStillCount() throws Exception {
        String gone = apnsToken();
        String bad = apnsToken();
        apns().register(post(urlEqualTo("/3/device/" + gone)).atPriority(1)
                .willReturn(WireMock.aResponse().withStatus(410).withHeader("Content-Type", "application/json")
                        .withHeader("apns-id", UUID.randomUUID().toString())
                        .withBody("{\"reason\":\"Unregistered\",\"timestamp\":1700000000000}")));
        apns().register(post(urlEqualTo("/3/device/" + bad)).atPriority(1)
                .willReturn(WireMock.aResponse().withStatus(400).withHeader("Content-Type", "application/json")
                        .withHeader("apns-id", UUID.randomUUID().toString())
                        .withBody("{\"reason\":\"BadDeviceToken\"}")));
        String goneId = registerDevice("quinn", "IOS", gone);
        String badId = registerDevice("quinn", "IOS", bad);

        try (TopicProbe probe = deliveries()) {
            UUID crisisId = CrisisEvents.activate(Severity.HIGH, CrisisEvents.holder("quinn", "Legal", false));
            UUID notificationId = CrisisEvents.notificationOf("quinn", crisisId);
            awaitPush(probe, notificationId, "FAILED");
            probe.awaitEvent(e -> e.path("data").path("notificationId").asText().equals(notificationId.toString())
                    && e.path("data").path("state").asText().equals("SENT"), CrisisEvents.WAIT);
        }
        org.awaitility.Awaitility.await().atMost(CrisisEvents.WAIT).untilAsserted(() ->
                given().auth().oauth2(TestTokens.of("quinn", "employee"))
                        .when().get("/api/me/devices")
                        .then().statusCode(200)
                        .body("find { it.id == '" + goneId + "' }.rejectedReason",
                                org.hamcrest.Matchers.startsWith("APNs 410 Unregistered"))
                        .body("find { it.id == '" + badId + "' }.rejectedReason",
                                org.hamcrest.Matchers.startsWith("APNs 400 BadDeviceToken")));
        // The e-mail went out, so quinn is reachable: only the devices are warned about.
        given().auth().oauth2(TestTokens.of("carol", "crisis-manager"))
                .when().get("/api/readiness")
                .then().statusCode(200)
                .body("findAll { it.subject == '" + TestTokens.subjectOf("quinn") + "' }.kind",
                        equalTo(List.of("PUSH_TOKEN_REJECTED", "PUSH_TOKEN_REJECTED")));
    }
}
