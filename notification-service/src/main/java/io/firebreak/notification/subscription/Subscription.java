package io.firebreak.notification.subscription;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** One person's wish to hear about one kind of event. */
@Entity
@Table(name = "subscription")
public class Subscription {

    /** What can be subscribed to, and the role it takes. */
    public enum Topic { SIGNALS, PUBLICATIONS }

    @Id
    private UUID id;
    @Column(nullable = false)
    private String subject;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Topic topic;
    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected Subscription() {
    }

    static Subscription of(String subject, Topic topic, Instant now) {
        Subscription subscription = new Subscription();
        subscription.id = UUID.randomUUID();
        subscription.subject = subject;
        subscription.topic = topic;
        subscription.createdAt = now;
        return subscription;
    }

    public String getSubject() {
        return subject;
    }

    public Topic getTopic() {
        return topic;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }
}
