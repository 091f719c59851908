package io.firebreak.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class EventSchemasTest {

    private static final Instant NOW = Instant.parse("2026-11-23T10:15:30.123Z");

    private static SignalChanged signal(String summary) {
        return new SignalChanged(UUID.randomUUID(), UUID.randomUUID(), "Bank app", "OPEN", Severity.HIGH, summary,
                NOW.minusSeconds(600), NOW, 420, 35.5, 0.81, 0.97, List.of(UUID.randomUUID()), "analyst", NOW);
    }

    @Test
    void signalEventMatchesItsSchema() {
        var event = CloudEvent.of("/monitoring-service", EventTypes.SIGNAL_RAISED, UUID.randomUUID().toString(),
                signal("Surge of complaints"));

        EventSchemas.requireValid(Topics.SIGNALS, event);
    }

    @Test
    void emptySummaryIsReportedWithItsPath() {
        var event = CloudEvent.of("/monitoring-service", EventTypes.SIGNAL_RAISED, "w-1", signal(""));

        assertThatThrownBy(() -> EventSchemas.requireValid(Topics.SIGNALS, event))
                .hasMessageContaining("summary");
    }

    @Test
    void crisisEventTypeFollowsItsStatus() {
        var crisis = new CrisisChanged(UUID.randomUUID(), null, null, "App outage", CrisisStatus.PROPOSED,
                Severity.HIGH, false, UUID.randomUUID(), "system", "signal", NOW,
                List.of(new Assignment("sub-1", "employee", "employee@example.test", "Spokesperson", false)));
        var event = CloudEvent.of("/playbook-service", EventTypes.crisis(CrisisStatus.PROPOSED),
                crisis.crisisId().toString(), crisis);

        assertThat(event.type()).isEqualTo("io.firebreak.playbook.crisis.proposed");
        EventSchemas.requireValid(Topics.CRISES, event);
    }

    @Test
    void eventWithoutEnvelopeFieldsIsRejected() {
        var violations = EventSchemas.violations(Topics.CRISES, "{\"data\":{}}");

        assertThat(violations).anyMatch(v -> v.contains("specversion"))
                .anyMatch(v -> v.contains("crisisId"));
    }

    @Test
    void malformedUuidIsRejected() {
        String json = """
                {"specversion":"1.0","id":"e1","source":"/x","type":"io.firebreak.notification.delivery.sent",
                 "time":"2026-11-23T10:00:00Z","subject":"n1","data":{"notificationId":"not-a-uuid",
                 "recipient":"employee","channel":"EMAIL","state":"SENT","changedAt":"2026-11-23T10:00:00Z"}}
                """;

        assertThat(EventSchemas.violations(Topics.DELIVERIES, json)).anyMatch(v -> v.contains("notificationId"));
    }

    @Test
    void everyTopicHasASchema() {
        for (String topic : Topics.ALL) {
            assertThat(EventSchemas.violations(topic, "{}")).as(topic).isNotEmpty();
        }
    }

    @Test
    void replyCarriesThePostItAnswers() {
        var reply = new StatementChanged(UUID.randomUUID(), UUID.randomUUID(), StatementChanged.REPLY_PHASE, "fr",
                "Bonjour, nous sommes désolés : l'application revient.", List.of(UUID.randomUUID()), NOW, false, false,
                "policy:template", NOW, new StatementChanged.ReplyTarget("mastodon", "109876",
                "https://social.example/@marie/109876", "marie"));
        var event = CloudEvent.of("/playbook-service", EventTypes.STATEMENT_APPROVED, reply.crisisId().toString(), reply);

        EventSchemas.requireValid(Topics.STATEMENTS, event);
    }

    @Test
    void replyWithoutThePostItAnswersIsRejected() {
        var reply = new StatementChanged(UUID.randomUUID(), UUID.randomUUID(), StatementChanged.REPLY_PHASE, "en",
                "Sorry for the trouble.", List.of(UUID.randomUUID()), NOW, false, false, "approver", NOW);
        var event = CloudEvent.of("/playbook-service", EventTypes.STATEMENT_APPROVED, reply.crisisId().toString(), reply);

        assertThatThrownBy(() -> EventSchemas.requireValid(Topics.STATEMENTS, event)).hasMessageContaining("replyTo");
    }

    @Test
    void replyTargetSurvivesTheRoundTrip() throws Exception {
        var mapper = EventJson.newMapper();
        var target = new StatementChanged.ReplyTarget("bluesky", "at://did:plc:abc/app.bsky.feed.post/3k", null, "alice");
        var reply = new StatementChanged(UUID.randomUUID(), UUID.randomUUID(), StatementChanged.REPLY_PHASE, "en",
                "Sorry.", List.of(UUID.randomUUID()), NOW, false, false, "approver", NOW, target);

        var read = mapper.readValue(mapper.writeValueAsString(reply), StatementChanged.class);

        assertThat(read).isEqualTo(reply);
        String statementWithoutReply = mapper.writeValueAsString(reply).replaceFirst(",\"replyTo\":\\{[^}]*}", "");
        assertThat(mapper.readValue(statementWithoutReply, StatementChanged.class).replyTo()).isNull();
    }
}
