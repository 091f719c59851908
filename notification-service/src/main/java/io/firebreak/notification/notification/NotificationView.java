package io.firebreak.notification.notification;

import io.firebreak.events.CrisisStatus;
import java.time.Instant;
import java.util.UUID;

public record NotificationView(UUID id, UUID crisisId, CrisisStatus crisisStatus, String recipient, String role,
                               boolean backup, Notification.Channel channel, Notification.State state,
                               Instant createdAt, Instant acknowledgedAt, Notification.Channel acknowledgedVia) {

    public static NotificationView of(Notification notification) {
        return new NotificationView(notification.getId(), notification.getCrisisId(),
                notification.getCrisisStatus(), notification.getRecipientUsername(), notification.getRole(),
                notification.isBackup(), notification.getChannel(), notification.getState(),
                notification.getCreatedAt(), notification.getAcknowledgedAt(), notification.getAcknowledgedVia());
    }
}
