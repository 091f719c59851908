package io.firebreak.notification.escalation;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;

import com.fasterxml.jackson.databind.JsonNode;
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
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Escalation timing with the service's clock moved forward, not with sleeps. MEDIUM crises only. */
@QuarkusTest
class EscalationTest {

    private static final Duration STEP = Duration.ofMinutes(11);

    @Inject
    AdjustableClock clock;

    @BeforeEach
    void mediumCrisesEscalateEveryTenMinutesToBackupThenManager() {
        given().auth().oauth2(TestTokens.of("ada", "admin")).contentType(ContentType.JSON)
                .body(Map.of("rounds", 1, "steps", List.of(
                        Map.of("target", "PRIMARY", "waitMinutes", 10),
                        Map.of("target", "BACKUP", "waitMinutes", 10),
                        Map.of("target", "CRISIS_MANAGER", "waitMinutes", 10))))
                .when().put("/api/escalation-policies/MEDIUM")
                .then().statusCode(200)
                .body("steps.size()", equalTo(3));
    }

    private static String stateOf(UUID crisisId, String role, String field) {
        return given().auth().oauth2(TestTokens.of("carol", "crisis-manager"))
                .when().get("/api/escalations?crisisId=" + crisisId)
                .then().statusCode(200)
                .extract().path("find { it.role == '" + role + "' }." + field).toString();
    }

    private static void awaitStep(UUID crisisId, String role, String nextStep) {
        await().atMost(CrisisEvents.WAIT).until(() -> stateOf(crisisId, role, "nextStep"), nextStep::equals);
    }

    private static List<Object> notificationsAbout(String user, UUID crisisId, String role) {
        return given().auth().oauth2(TestTokens.of(user, "employee"))
                .when().get("/api/me/notifications")
                .then().statusCode(200)
                .extract().path("findAll { it.crisisId == '" + crisisId + "' && it.role == '" + role + "' }");
    }

    @Test
    void withoutAcknowledgementTheBackupThenTheCrisisManagerArePaged() throws Exception {
        UUID crisisId = CrisisEvents.activate(Severity.MEDIUM,
                CrisisEvents.holder("vera", "Spokesperson", false),
                CrisisEvents.holder("walt", "Spokesperson", true),
                CrisisEvents.holder("xena", "Crisis manager", false));
        CrisisEvents.notificationOf("vera", crisisId);
        awaitStep(crisisId, "Spokesperson", "1");
        assertThat(notificationsAbout("walt", crisisId, "Spokesperson")).isEmpty();

        try (TopicProbe deliveries = TestKafka.watch(Topics.DELIVERIES)) {
            clock.advance(STEP);
            JsonNode escalated = deliveries.awaitEvent(e -> e.path("data").path("recipient").asText()
                    .equals(TestTokens.subjectOf("walt")) && e.path("data").path("state").asText()
                    .equals("ESCALATED"), CrisisEvents.WAIT);
            assertThat(escalated.path("_key").asText()).isEqualTo(crisisId.toString());
        }
        assertThat(notificationsAbout("walt", crisisId, "Spokesperson")).hasSize(1);
        assertThat(notificationsAbout("xena", crisisId, "Spokesperson")).isEmpty();

        clock.advance(STEP);
        await().atMost(CrisisEvents.WAIT).until(() -> notificationsAbout("xena", crisisId, "Spokesperson").size(),
                count -> count == 1);
        await().atMost(CrisisEvents.WAIT).until(() -> stateOf(crisisId, "Spokesperson", "state"), "DONE"::equals);
    }

    @Test
    void stepsFallingDueTogetherAreEachFiredOnce() throws Exception {
        UUID crisisId = CrisisEvents.activate(Severity.MEDIUM,
                CrisisEvents.holder("gus", "Press officer", false),
                CrisisEvents.holder("hana", "Press officer", true),
                CrisisEvents.holder("ivo", "Social media lead", false),
                CrisisEvents.holder("jun", "Social media lead", true),
                CrisisEvents.holder("kit", "Crisis manager", false));
        CrisisEvents.notificationOf("gus", crisisId);
        CrisisEvents.notificationOf("ivo", crisisId);
        awaitStep(crisisId, "Press officer", "1");
        awaitStep(crisisId, "Social media lead", "1");

        // Both roles' backup steps (and the crisis managers' own) fall due at the same instant: one slot.
        clock.advance(STEP);

        awaitStep(crisisId, "Press officer", "2");
        awaitStep(crisisId, "Social media lead", "2");
        assertThat(notificationsAbout("hana", crisisId, "Press officer")).hasSize(1);
        assertThat(notificationsAbout("jun", crisisId, "Social media lead")).hasSize(1);
        assertThat(notificationsAbout("hana", crisisId, "Social media lead")).isEmpty();
        assertThat(notificationsAbout("kit", crisisId, "Press officer")).isEmpty();
    }

    @Test
    void aStepPagesOnlyOnTheChannelsItNames() throws Exception {
        given().auth().oauth2(TestTokens.of("ada", "admin")).contentType(ContentType.JSON)
                .body(Map.of("rounds", 1, "steps", List.of(
                        Map.of("target", "PRIMARY", "waitMinutes", 10),
                        Map.of("target", "BACKUP", "waitMinutes", 10, "channels", List.of("PUSH")))))
                .when().put("/api/escalation-policies/MEDIUM")
                .then().statusCode(200)
                .body("steps[1].channels", equalTo(List.of("PUSH")));
        given().auth().oauth2(TestTokens.of("delphine", "employee")).contentType(ContentType.JSON)
                .body(Map.of("platform", "ANDROID", "token", "fcm-" + UUID.randomUUID() + ":APA91b",
                        "appVersion", "2.0.0"))
                .when().post("/api/me/devices")
                .then().statusCode(201);
        UUID crisisId = CrisisEvents.activate(Severity.MEDIUM,
                CrisisEvents.holder("cosmo", "Community manager", false),
                CrisisEvents.holder("delphine", "Community manager", true));
        CrisisEvents.notificationOf("cosmo", crisisId);
        awaitStep(crisisId, "Community manager", "1");

        clock.advance(STEP);

        UUID paged = CrisisEvents.notificationOf("delphine", crisisId);
        await().atMost(CrisisEvents.WAIT).until(() -> channelsOf(crisisId, paged), channels -> !channels.isEmpty());
        // Delphine has an e-mail address too (from her profile), but this step pages by push only.
        assertThat(channelsOf(crisisId, paged)).containsExactly("PUSH");
    }

    private static List<String> channelsOf(UUID crisisId, UUID notificationId) {
        return given().auth().oauth2(TestTokens.of("carol", "crisis-manager"))
                .when().get("/api/notifications/crises/" + crisisId)
                .then().statusCode(200)
                .extract().path("deliveries.findAll { it.notificationId == '" + notificationId + "' }.channel");
    }

    @Test
    void anAcknowledgementStopsTheEscalation() throws Exception {
        UUID crisisId = CrisisEvents.activate(Severity.MEDIUM,
                CrisisEvents.holder("yann", "Legal counsel", false),
                CrisisEvents.holder("zoe", "Legal counsel", true));
        UUID id = CrisisEvents.notificationOf("yann", crisisId);
        awaitStep(crisisId, "Legal counsel", "1");

        given().auth().oauth2(TestTokens.of("yann", "employee"))
                .when().post("/api/notifications/" + id + "/ack")
                .then().statusCode(200);
        clock.advance(STEP);

        await().atMost(CrisisEvents.WAIT).until(() -> stateOf(crisisId, "Legal counsel", "state"),
                "STOPPED"::equals);
        assertThat(notificationsAbout("zoe", crisisId, "Legal counsel")).isEmpty();
    }

    @Test
    void quietHoursHoldTheBackupOfANonCriticalCrisis() throws Exception {
        LocalTime now = LocalTime.ofInstant(clock.instant(), ZoneOffset.UTC);
        DateTimeFormatter hhmm = DateTimeFormatter.ofPattern("HH:mm");
        given().auth().oauth2(TestTokens.of("bea", "employee")).contentType(ContentType.JSON)
                .body(Map.of("language", "en", "quietHours", Map.of("from", now.minusHours(1).format(hhmm),
                        "until", now.plusHours(3).format(hhmm), "timeZone", "UTC")))
                .when().put("/api/me/contact")
                .then().statusCode(200);
        UUID crisisId = CrisisEvents.activate(Severity.MEDIUM,
                CrisisEvents.holder("abel", "Analyst on duty", false),
                CrisisEvents.holder("bea", "Analyst on duty", true));
        CrisisEvents.notificationOf("abel", crisisId);
        awaitStep(crisisId, "Analyst on duty", "1");

        clock.advance(STEP);

        awaitStep(crisisId, "Analyst on duty", "2");
        given().auth().oauth2(TestTokens.of("bea", "employee"))
                .when().get("/api/me/notifications")
                .then().statusCode(200)
                .body("findAll { it.crisisId == '" + crisisId + "' }", empty());
    }

    @Test
    void policiesAreSetByAdminsOnly() {
        var body = Map.of("rounds", 1, "steps", List.of(Map.of("target", "PRIMARY", "waitMinutes", 5)));
        given().contentType(ContentType.JSON).body(body)
                .when().put("/api/escalation-policies/LOW").then().statusCode(401);
        given().auth().oauth2(TestTokens.of("carol", "crisis-manager")).contentType(ContentType.JSON).body(body)
                .when().put("/api/escalation-policies/LOW").then().statusCode(403);
        given().auth().oauth2(TestTokens.of("oscar", "employee"))
                .when().get("/api/escalation-policies").then().statusCode(403);
        given().auth().oauth2(TestTokens.of("oscar", "employee"))
                .when().get("/api/escalations?crisisId=" + UUID.randomUUID()).then().statusCode(403);
        given().auth().oauth2(TestTokens.of("carol", "crisis-manager"))
                .when().get("/api/escalation-policies/MEDIUM").then().statusCode(200)
                .body("rounds", equalTo(1));
    }

    @Test
    void aPolicyThatCanNeverFireIsRefused() {
        given().auth().oauth2(TestTokens.of("ada", "admin")).contentType(ContentType.JSON)
                .body(Map.of("rounds", 0, "steps", List.of(Map.of("target", "BACKUP", "waitMinutes", 0))))
                .when().put("/api/escalation-policies/LOW")
                .then().statusCode(400).contentType("application/problem+json")
                .body("type", equalTo("https://firebreak.io/problems/invalid-escalation-policy"))
                .body("errors.field", org.hamcrest.Matchers.hasItems("steps[0].target", "steps[0].waitMinutes",
                        "rounds"));
        given().auth().oauth2(TestTokens.of("ada", "admin"))
                .when().get("/api/escalation-policies/LOW")
                .then().statusCode(404);
    }
}
