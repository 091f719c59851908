package io.firebreak.playbook.review;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** One step of a notification to a crisis' role holder, as notification-service announced it; written once. */
@Entity
@Table(name = "crisis_delivery")
public class CrisisDelivery {

    @Id
    @Column(name = "event_id")
    private String eventId;
    @Column(name = "crisis_id", nullable = false, updatable = false)
    private UUID crisisId;
    @Column(name = "notification_id", nullable = false, updatable = false)
    private UUID notificationId;
    @Column(nullable = false, updatable = false)
    private String recipient;
    @Column(nullable = false, updatable = false)
    private String channel;
    @Column(nullable = false, updatable = false)
    private String state;
    @Column(updatable = false)
    private String error;
    @Column(name = "changed_at", nullable = false, updatable = false)
    private Instant changedAt;

    protected CrisisDelivery() {
    }

    static CrisisDelivery of(String eventId, UUID crisisId, UUID notificationId, String recipient, String channel,
                             String state, String error, Instant changedAt) {
        CrisisDelivery delivery = new CrisisDelivery();
        delivery.eventId = eventId;
        delivery.crisisId = crisisId;
        delivery.notificationId = notificationId;
        delivery.recipient = recipient;
        delivery.channel = channel;
        delivery.state = state;
        delivery.error = error;
        delivery.changedAt = changedAt;
        return delivery;
    }

    Timeline.Delivery asTimeline() {
        return new Timeline.Delivery(recipient, channel, state, error, changedAt);
    }

    public UUID getNotificationId() {
        return notificationId;
    }

    public String getRecipient() {
        return recipient;
    }

    public String getChannel() {
        return channel;
    }

    public String getState() {
        return state;
    }

    public String getError() {
        return error;
    }

    public Instant getChangedAt() {
        return changedAt;
    }
}
