package io.firebreak.notification.crisis;

import io.firebreak.events.CrisisStatus;
import io.firebreak.events.Severity;
import io.firebreak.notification.delivery.DeliveryView;
import io.firebreak.notification.notification.NotificationView;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A crisis as notification-service knows it, with everyone notified about it and how each was reached. */
public record CrisisAlertView(UUID crisisId, String title, CrisisStatus status, Severity severity, boolean drill,
                              Instant changedAt, List<NotificationView> notifications,
                              List<DeliveryView> deliveries) {

    static CrisisAlertView of(CrisisAlert alert, List<NotificationView> notifications,
                              List<DeliveryView> deliveries) {
        return new CrisisAlertView(alert.getCrisisId(), alert.getTitle(), alert.getStatus(), alert.getSeverity(),
                alert.isDrill(), alert.getChangedAt(), notifications, deliveries);
    }
}
