package io.firebreak.notification.notification;

import io.firebreak.events.DeliveryChanged;
import io.firebreak.events.EventTypes;
import io.firebreak.events.Topics;
import io.firebreak.platform.outbox.Outbox;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Locale;

/** Announces on {@code notification.deliveries.v1}, keyed by crisis so that a crisis' timeline stays ordered. */
@ApplicationScoped
public class DeliveryEvents {

    private final Outbox outbox;

    public DeliveryEvents(Outbox outbox) {
        this.outbox = outbox;
    }

    /** In the caller's transaction, like the state change it announces. */
    public Uni<Void> announce(Notification notification, Notification.Channel channel, String state, String error,
                              Instant at) {
        var delivery = new DeliveryChanged(notification.getId(), notification.getCrisisId(),
                notification.getRecipientSubject(), channel.name(), state, error, at);
        return outbox.publish(Topics.DELIVERIES, EventTypes.DELIVERY_PREFIX + state.toLowerCase(Locale.ROOT),
                notification.getCrisisId().toString(), delivery).replaceWithVoid();
    }
}
