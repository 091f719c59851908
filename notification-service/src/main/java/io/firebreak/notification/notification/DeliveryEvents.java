package io.firebreak.notification.notification;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.firebreak.events.CloudEvent;
import io.firebreak.events.DeliveryChanged;
import io.firebreak.events.EventTypes;
import io.firebreak.events.Topics;
import io.firebreak.platform.outbox.Outbox;
import io.firebreak.platform.outbox.OutboxConfig;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.hibernate.reactive.mutiny.Mutiny;

/** Announces on {@code notification.deliveries.v1}, keyed by crisis so that a crisis' timeline stays ordered. */
@ApplicationScoped
public class DeliveryEvents {

    /** Outbox rows written by one statement: four parameters each, well below PostgreSQL's 65,535. */
    private static final int ROWS_PER_STATEMENT = 500;

    private final Outbox outbox;
    private final OutboxConfig outboxConfig;
    private final ObjectMapper json;

    public DeliveryEvents(Outbox outbox, OutboxConfig outboxConfig, ObjectMapper json) {
        this.outbox = outbox;
        this.outboxConfig = outboxConfig;
        this.json = json;
    }

    /** One change to announce: what happened to a notification (of this crisis and person), on which channel. */
    public record Announcement(UUID notificationId, UUID crisisId, String recipientSubject,
                               Notification.Channel channel, String state, String error, Instant at) {

        public Announcement(Notification notification, Notification.Channel channel, String state, String error,
                            Instant at) {
            this(notification.getId(), notification.getCrisisId(), notification.getRecipientSubject(), channel,
                    state, error, at);
        }
    }

    /** In the caller's transaction, like the state change it announces. */
    public Uni<Void> announce(Notification notification, Notification.Channel channel, String state, String error,
                              Instant at) {
        return outbox.publish(Topics.DELIVERIES, type(state), notification.getCrisisId().toString(),
                data(new Announcement(notification, channel, state, error, at))).replaceWithVoid();
    }

    /**
     * In the caller's transaction: many announcements in a few multi-row inserts into the outbox, in this order
     * (the relay sends by row id). Thousands of role holders are announced at once when a crisis breaks, and one
     * round trip per event would take seconds.
     */
    public Uni<Void> announceAll(List<Announcement> announcements) {
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (int from = 0; from < announcements.size(); from += ROWS_PER_STATEMENT) {
            List<Announcement> rows = announcements.subList(from,
                    Math.min(from + ROWS_PER_STATEMENT, announcements.size()));
            chain = chain.chain(() -> Panache.getSession().chain(session -> insert(session, rows)));
        }
        return chain;
    }

    private Uni<Void> insert(Mutiny.Session session, List<Announcement> rows) {
        StringBuilder sql = new StringBuilder(
                "insert into outbox_event (event_id, topic, message_key, payload) values ");
        for (int i = 0; i < rows.size(); i++) {
            int p = i * 4;
            sql.append(i == 0 ? "" : ", ").append("(?").append(p + 1).append(", ?").append(p + 2).append(", ?")
                    .append(p + 3).append(", ?").append(p + 4).append(')');
        }
        var query = session.createNativeQuery(sql.toString());
        for (int i = 0; i < rows.size(); i++) {
            Announcement row = rows.get(i);
            CloudEvent<DeliveryChanged> event = event(row);
            int p = i * 4;
            query.setParameter(p + 1, UUID.fromString(event.id()));
            query.setParameter(p + 2, Topics.DELIVERIES);
            query.setParameter(p + 3, event.subject());
            query.setParameter(p + 4, write(event));
        }
        return query.executeUpdate().replaceWithVoid();
    }

    /**
     * On {@code connection}, in its transaction (a delivery batch records its outcomes without a Hibernate
     * session): all announcements in one statement, in this order.
     */
    public Uni<Void> announceAll(SqlConnection connection, List<Announcement> announcements) {
        return outbox.appendAll(connection, announcements.stream()
                .map(change -> outbox.row(Topics.DELIVERIES, type(change.state()), change.crisisId().toString(),
                        data(change)))
                .toList());
    }

    private CloudEvent<DeliveryChanged> event(Announcement announcement) {
        return CloudEvent.of(outboxConfig.source(), type(announcement.state()), announcement.crisisId().toString(),
                data(announcement));
    }

    private static String type(String state) {
        return EventTypes.DELIVERY_PREFIX + state.toLowerCase(Locale.ROOT);
    }

    private static DeliveryChanged data(Announcement change) {
        return new DeliveryChanged(change.notificationId(), change.crisisId(), change.recipientSubject(),
                change.channel().name(), change.state(), change.error(), change.at());
    }

    private String write(CloudEvent<?> event) {
        try {
            return json.writeValueAsString(event);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise event " + event.id(), e);
        }
    }
}
