package io.firebreak.notification.notification;

import io.firebreak.events.DeliveryChanged;
import io.firebreak.events.EventTypes;
import io.firebreak.events.Topics;
import io.firebreak.notification.BulkInsert;
import io.firebreak.platform.outbox.Outbox;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/** Announces on {@code notification.deliveries.v1}, keyed by crisis so that a crisis' timeline stays ordered. */
@ApplicationScoped
public class DeliveryEvents {

    private final Outbox outbox;

    public DeliveryEvents(Outbox outbox) {
        this.outbox = outbox;
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
     * In the caller's transaction: many announcements in a few statements, in this order (the relay sends by row
     * id). Thousands of role holders are announced at once when a crisis breaks: the rows travel as one JSON
     * parameter ({@link BulkInsert}), which costs the session far less than four bound parameters a row.
     */
    public Uni<Void> announceAll(List<Announcement> announcements) {
        return BulkInsert.into("outbox_event", announcements, change -> {
            Outbox.Row row = row(change);
            Map<String, Object> columns = new LinkedHashMap<>();
            columns.put("event_id", row.eventId().toString());
            columns.put("topic", row.topic());
            columns.put("message_key", row.key());
            columns.put("payload", row.payload());
            return columns;
        });
    }

    /**
     * On {@code connection}, in its transaction (a delivery batch records its outcomes without a Hibernate
     * session): all announcements in one statement, in this order.
     */
    public Uni<Void> announceAll(SqlConnection connection, List<Announcement> announcements) {
        return outbox.appendAll(connection, announcements.stream().map(this::row).toList());
    }

    /** The announcement as an outbox row, keyed by its crisis. */
    private Outbox.Row row(Announcement change) {
        return outbox.row(Topics.DELIVERIES, type(change.state()), change.crisisId().toString(), data(change));
    }

    private static String type(String state) {
        return EventTypes.DELIVERY_PREFIX + state.toLowerCase(Locale.ROOT);
    }

    private static DeliveryChanged data(Announcement change) {
        return new DeliveryChanged(change.notificationId(), change.crisisId(), change.recipientSubject(),
                change.channel().name(), change.state(), change.error(), change.at());
    }
}
