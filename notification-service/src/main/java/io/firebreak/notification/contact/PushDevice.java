package io.firebreak.notification.contact;

import io.firebreak.notification.contact.ContactRules.Platform;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A phone or tablet running the mobile app, reachable by push. */
@Entity
@Table(name = "push_device")
public class PushDevice {

    @Id
    private UUID id;
    @Column(name = "owner_subject", nullable = false)
    private String ownerSubject;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Platform platform;
    @Column(nullable = false)
    private String token;
    @Column(name = "app_version")
    private String appVersion;
    private String locale;
    @Column(name = "registered_at", nullable = false)
    private Instant registeredAt;
    @Column(name = "rejected_at")
    private Instant rejectedAt;
    @Column(name = "rejected_reason")
    private String rejectedReason;

    protected PushDevice() {
    }

    static PushDevice registered(String ownerSubject, Platform platform, String token, String appVersion,
                                 String locale, Instant now) {
        PushDevice device = new PushDevice();
        device.id = UUID.randomUUID();
        device.ownerSubject = ownerSubject;
        device.platform = platform;
        device.token = token;
        device.appVersion = appVersion;
        device.locale = locale;
        device.registeredAt = now;
        return device;
    }

    /** The app re-registers its token at every start: a new version or locale replaces the old. */
    void refresh(String appVersion, String locale) {
        this.appVersion = appVersion;
        this.locale = locale;
        // The app just got this token from FCM/APNs again: it is worth trying anew.
        this.rejectedAt = null;
        this.rejectedReason = null;
    }

    /** The push provider said this token is no longer valid: it is not pushed to again until re-registered. */
    /** A provider's reason for rejecting a token, cut to what the column holds. */
    public static String storedReason(String reason) {
        return reason == null || reason.length() <= 300 ? reason : reason.substring(0, 300);
    }

    public void rejected(String reason, Instant now) {
        this.rejectedAt = now;
        this.rejectedReason = storedReason(reason);
    }

    public boolean isRejected() {
        return rejectedAt != null;
    }

    public Instant getRejectedAt() {
        return rejectedAt;
    }

    public String getRejectedReason() {
        return rejectedReason;
    }

    public UUID getId() {
        return id;
    }

    public String getOwnerSubject() {
        return ownerSubject;
    }

    public Platform getPlatform() {
        return platform;
    }

    public String getToken() {
        return token;
    }

    public String getAppVersion() {
        return appVersion;
    }

    public String getLocale() {
        return locale;
    }

    public Instant getRegisteredAt() {
        return registeredAt;
    }
}
