package io.firebreak.notification.delivery;

import io.firebreak.notification.notification.Notification;
import java.time.Instant;
import java.util.UUID;

/** Where one channel of one notification stands: attempts so far, the last error, when it was sent. */
public record DeliveryView(UUID notificationId, Notification.Channel channel, UUID deviceId, String provider,
                           Delivery.State state, int attempts, String lastError, Instant nextAttemptAt,
                           Instant sentAt) {

    static DeliveryView of(Delivery delivery) {
        return new DeliveryView(delivery.getNotificationId(), delivery.getChannel(), delivery.getDeviceId(),
                delivery.getProvider(), delivery.getState(),
                delivery.getAttempts(), delivery.getLastError(), delivery.getNextAttemptAt(), delivery.getSentAt());
    }
}
