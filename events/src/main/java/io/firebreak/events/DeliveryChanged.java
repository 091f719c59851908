package io.firebreak.events;

import java.time.Instant;
import java.util.UUID;

/** A notification to one person moved on: sent, delivered, failed, acknowledged ({@code notification.deliveries.v1}). */
public record DeliveryChanged(
        UUID notificationId,
        UUID crisisId,
        String recipient,
        String channel,
        String state,
        String error,
        Instant changedAt) {
}
