package io.firebreak.notification.crisis;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;

import com.fasterxml.jackson.databind.JsonNode;
import io.firebreak.devstack.testing.TestTokens;
import io.firebreak.devstack.testing.TopicProbe;
import io.firebreak.events.Assignment;
import io.firebreak.events.CloudEvent;
import io.firebreak.events.CrisisChanged;
import io.firebreak.events.CrisisStatus;
import io.firebreak.events.EventJson;
import io.firebreak.events.EventSchemas;
import io.firebreak.events.EventTypes;
import io.firebreak.events.Severity;
import io.firebreak.events.Topics;
import io.firebreak.notification.TestKafka;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

@QuarkusTest
class CrisisAlertTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    private static Assignment holder(String user, String role) {
        return new Assignment(TestTokens.subjectOf(user), user, user + "@firebreak.local", role, false);
    }

    private static CloudEvent<CrisisChanged> crisisEvent(UUID crisisId, CrisisStatus status, List<Assignment> holders) {
        var crisis = new CrisisChanged(crisisId, UUID.randomUUID(), 1, "Bank app outage", status, Severity.CRITICAL,
                false, null, "carol", "activated", Instant.now(), holders);
        return CloudEvent.of("/playbook-service", EventTypes.crisis(status), crisisId.toString(), crisis);
    }

    private static void send(CloudEvent<CrisisChanged> event) throws Exception {
        String json = EventJson.newMapper().writeValueAsString(event);
        assertThat(EventSchemas.violations(Topics.CRISES, json)).isEmpty();
        TestKafka.send(Topics.CRISES, event.subject(), json);
    }

    @Test
    void activatedCrisisQueuesOneNotificationPerRoleHolderAndAnnouncesIt() throws Exception {
        UUID crisisId = UUID.randomUUID();
        var activated = crisisEvent(crisisId, CrisisStatus.ACTIVE,
                List.of(holder("paul", "Spokesperson"), holder("rita", "Legal counsel")));
        try (TopicProbe deliveries = TestKafka.watch(Topics.DELIVERIES)) {
            send(activated);
            send(activated);

            JsonNode delivery = deliveries.awaitEvent(e -> e.path("data").path("recipient").asText()
                    .equals(TestTokens.subjectOf("paul")), WAIT);
            assertThat(delivery.path("type").asText()).isEqualTo("io.firebreak.notification.delivery.queued");
            assertThat(delivery.path("_key").asText()).isEqualTo(crisisId.toString());
            assertThat(delivery.path("data").path("crisisId").asText()).isEqualTo(crisisId.toString());
        }

        List<String> roles = await().atMost(WAIT).until(
                () -> given().auth().oauth2(TestTokens.of("carol", "crisis-manager"))
                        .when().get("/api/notifications/crises/" + crisisId)
                        .then().extract().jsonPath().getList("notifications.role", String.class),
                list -> list != null && list.size() == 2);
        assertThat(roles).containsExactlyInAnyOrder("Spokesperson", "Legal counsel");
    }

    @Test
    void aCrisisWithThousandsOfHoldersNotifiesEachOnceAlsoWhenPartOfThemWereNotifiedBefore() throws Exception {
        // Queued a thousand per transaction: the first 600 notified as by a first attempt that failed half-way
        // (here: an earlier event of the same state naming them), then the whole list, twice.
        UUID crisisId = UUID.randomUUID();
        String prefix = "bulk-" + crisisId + "-";
        List<Assignment> holders = IntStream.range(0, 2_300)
                .mapToObj(i -> new Assignment(prefix + i, "user" + i, null, "Team " + i % 7, false))
                .toList();
        send(crisisEvent(crisisId, CrisisStatus.ACTIVE, holders.subList(0, 600)));
        var whole = crisisEvent(crisisId, CrisisStatus.ACTIVE, holders);
        send(whole);
        send(whole);

        List<String> recipients = await().atMost(WAIT).until(
                () -> given().auth().oauth2(TestTokens.of("carol", "crisis-manager"))
                        .when().get("/api/notifications/crises/" + crisisId)
                        .then().statusCode(200).extract().jsonPath().getList("notifications.recipient", String.class),
                list -> list != null && list.size() >= holders.size());
        // Still 2,300 a moment later: nobody is notified twice once the redelivery has been applied.
        Thread.sleep(1_000);
        recipients = given().auth().oauth2(TestTokens.of("carol", "crisis-manager"))
                .when().get("/api/notifications/crises/" + crisisId)
                .then().statusCode(200).extract().jsonPath().getList("notifications.recipient", String.class);
        assertThat(recipients).hasSize(holders.size()).doesNotHaveDuplicates()
                .containsExactlyInAnyOrderElementsOf(holders.stream().map(Assignment::username).toList());
    }

    @Test
    void roleHolderSeesTheirOwnNotificationAndNobodyElses() throws Exception {
        UUID crisisId = UUID.randomUUID();
        send(crisisEvent(crisisId, CrisisStatus.ACTIVE, List.of(holder("nora", "Community manager"))));

        await().atMost(WAIT).untilAsserted(() -> given().auth().oauth2(TestTokens.of("nora", "employee"))
                .when().get("/api/me/notifications")
                .then().statusCode(200)
                .body("find { it.crisisId == '" + crisisId + "' }.role", equalTo("Community manager"))
                .body("find { it.crisisId == '" + crisisId + "' }.state", equalTo("QUEUED")));

        given().auth().oauth2(TestTokens.of("oscar", "employee"))
                .when().get("/api/me/notifications")
                .then().statusCode(200)
                .body("findAll { it.crisisId == '" + crisisId + "' }", empty());
    }

    @Test
    void myNotificationsNeedAToken() {
        given().when().get("/api/me/notifications").then().statusCode(401);
    }

    @Test
    void crisisNotificationsAreForbiddenToEmployees() {
        given().auth().oauth2(TestTokens.of("oscar", "employee"))
                .when().get("/api/notifications/crises/" + UUID.randomUUID())
                .then().statusCode(403);
    }

    @Test
    void unknownCrisisIsNotFound() {
        given().auth().oauth2(TestTokens.of("carol", "crisis-manager"))
                .when().get("/api/notifications/crises/" + UUID.randomUUID())
                .then().statusCode(404)
                .body("type", equalTo("https://firebreak.io/problems/not-found"));
    }
}
