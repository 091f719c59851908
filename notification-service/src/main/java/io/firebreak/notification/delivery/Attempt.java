package io.firebreak.notification.delivery;

import io.firebreak.events.CrisisStatus;
import io.firebreak.events.Severity;
import io.firebreak.notification.contact.ContactRules.Platform;
import io.firebreak.notification.notification.Notification;
import java.util.UUID;

/**
 * A claimed delivery with everything its attempt needs, read in the statement that claims it (the notification,
 * its crisis and the push device), so that no entity is loaded and no transaction spans a provider call.
 *
 * @param crisisTitle null when the crisis is unknown here (then the attempt cannot be made)
 * @param devicePlatform null for e-mail and SMS, and for a device its owner removed
 */
public record Attempt(UUID deliveryId, UUID notificationId, Notification.Channel channel, String address,
                      String language, int attempts, UUID deviceId,
                      UUID crisisId, String recipientSubject, String recipientUsername, String role, boolean backup,
                      String crisisTitle, CrisisStatus crisisStatus, Severity severity,
                      Platform devicePlatform, String deviceToken, String deviceRejectedReason,
                      boolean deviceRejected) {
}
