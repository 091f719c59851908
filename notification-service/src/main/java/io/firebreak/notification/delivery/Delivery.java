package io.firebreak.notification.delivery;

import io.firebreak.notification.notification.Notification;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** Getting one notification to its recipient over one channel, with every attempt's outcome. */
@Entity
@Table(name = "delivery")
public class Delivery extends RetriedSend {

    public enum State { QUEUED, SENT, DELIVERED, FAILED }

    @Id
    private UUID id;
    @Column(name = "notification_id", nullable = false)
    private UUID notificationId;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Notification.Channel channel;
    @Column(nullable = false)
    private String address;
    @Column(nullable = false)
    private String language;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private State state;
    @Column(name = "created_at", nullable = false)
    private Instant createdAt;
    /** The push device this delivery is for; none for e-mail. */
    @Column(name = "device_id")
    private UUID deviceId;
    /** Who took the last attempt: SMTP, FCM, APNS, TWILIO, VONAGE. */
    private String provider;
    /** The provider's id of the message sent, which its delivery callbacks name. */
    @Column(name = "provider_message_id")
    private String providerMessageId;

    protected Delivery() {
    }

    static Delivery queued(UUID notificationId, Notification.Channel channel, String address, String language,
                           Instant now) {
        return queued(notificationId, channel, null, address, language, now);
    }

    static Delivery queued(UUID notificationId, Notification.Channel channel, UUID deviceId, String address,
                           String language, Instant now) {
        Delivery delivery = new Delivery();
        delivery.deviceId = deviceId;
        delivery.id = UUID.randomUUID();
        delivery.notificationId = notificationId;
        delivery.channel = channel;
        delivery.address = address;
        delivery.language = language;
        delivery.state = State.QUEUED;
        delivery.dueAt(now);
        delivery.createdAt = now;
        return delivery;
    }

    void requeue(Instant now) {
        state = State.QUEUED;
        restart(now);
    }

    /** The provider's callback: the handset got it. */
    void delivered() {
        state = State.DELIVERED;
    }

    /** The provider's callback: sent, but it never reached the handset. */
    void undelivered(String error) {
        state = State.FAILED;
        recordError(error);
    }

    public UUID getId() {
        return id;
    }

    public UUID getNotificationId() {
        return notificationId;
    }

    public Notification.Channel getChannel() {
        return channel;
    }

    public String getAddress() {
        return address;
    }

    public String getLanguage() {
        return language;
    }

    public State getState() {
        return state;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public UUID getDeviceId() {
        return deviceId;
    }

    public String getProvider() {
        return provider;
    }

    public String getProviderMessageId() {
        return providerMessageId;
    }
}
