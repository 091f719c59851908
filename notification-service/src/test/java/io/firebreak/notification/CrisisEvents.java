package io.firebreak.notification;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.firebreak.devstack.testing.TestTokens;
import io.firebreak.events.Assignment;
import io.firebreak.events.CloudEvent;
import io.firebreak.events.CrisisChanged;
import io.firebreak.events.CrisisStatus;
import io.firebreak.events.EventJson;
import io.firebreak.events.EventSchemas;
import io.firebreak.events.EventTypes;
import io.firebreak.events.Severity;
import io.firebreak.events.Topics;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Crisis events as playbook-service sends them, and the notifications they give a role holder. */
public final class CrisisEvents {

    public static final Duration WAIT = Duration.ofSeconds(30);

    private CrisisEvents() {
    }

    public static Assignment holder(String user, String role, boolean backup) {
        return new Assignment(TestTokens.subjectOf(user), user, user + "@firebreak.local", role, backup);
    }

    /** Activates a new crisis with these holders and returns its id. */
    public static UUID activate(Severity severity, Assignment... holders) throws Exception {
        UUID crisisId = UUID.randomUUID();
        send(crisisId, severity, "activated", holders);
        return crisisId;
    }

    /** The active crisis' roles given to these holders now (a later event of the same state). */
    public static void reassign(UUID crisisId, Severity severity, Assignment... holders) throws Exception {
        send(crisisId, severity, "reassigned", holders);
    }

    private static void send(UUID crisisId, Severity severity, String reason, Assignment... holders)
            throws Exception {
        var crisis = new CrisisChanged(crisisId, UUID.randomUUID(), 1, "Bank app outage", CrisisStatus.ACTIVE,
                severity, false, null, "carol", reason, Instant.now(), List.of(holders));
        var event = CloudEvent.of("/playbook-service", EventTypes.crisis(CrisisStatus.ACTIVE), crisisId.toString(),
                crisis);
        String json = EventJson.newMapper().writeValueAsString(event);
        assertThat(EventSchemas.violations(Topics.CRISES, json)).isEmpty();
        TestKafka.send(Topics.CRISES, crisisId.toString(), json);
    }

    /** The id of {@code user}'s notification about this crisis, once it is in their inbox. */
    public static UUID notificationOf(String user, UUID crisisId) {
        String id = await().atMost(WAIT).until(() -> given().auth().oauth2(TestTokens.of(user, "employee"))
                .when().get("/api/me/notifications")
                .then().statusCode(200)
                .extract().path("find { it.crisisId == '" + crisisId + "' }.id"), found -> found != null);
        return UUID.fromString(id);
    }
}
