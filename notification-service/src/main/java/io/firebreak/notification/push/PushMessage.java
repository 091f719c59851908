package io.firebreak.notification.push;

import java.util.UUID;

/** What a phone shows for one notification, already in its recipient's language. */
public record PushMessage(UUID notificationId, UUID crisisId, String title, String body, String severity,
                          boolean critical) {
}
