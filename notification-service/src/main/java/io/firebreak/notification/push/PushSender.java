package io.firebreak.notification.push;

import io.firebreak.notification.contact.ContactRules.Platform;
import io.firebreak.notification.delivery.SendOutcome;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/** Pushes to a device through the provider of its platform: FCM for Android, APNs for iOS. */
@ApplicationScoped
public class PushSender {

    private final FcmSender fcm;
    private final ApnsSender apns;

    public PushSender(FcmSender fcm, ApnsSender apns) {
        this.fcm = fcm;
        this.apns = apns;
    }

    /** Whether this platform's provider is configured; devices of the other are not queued at all. */
    public boolean reaches(Platform platform) {
        return switch (platform) {
            case ANDROID -> fcm.configured();
            case IOS -> apns.configured();
        };
    }

    public Uni<SendOutcome> send(Platform platform, String deviceToken, PushMessage message) {
        return switch (platform) {
            case ANDROID -> fcm.send(deviceToken, message);
            case IOS -> apns.send(deviceToken, message);
        };
    }
}
