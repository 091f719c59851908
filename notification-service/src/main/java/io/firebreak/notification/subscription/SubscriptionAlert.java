package io.firebreak.notification.subscription;

import io.firebreak.events.Severity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** What a subscriber was told about: a signal raised or escalated, a publication failed or held. */
@Entity
@Table(name = "subscription_alert")
public class SubscriptionAlert {

    public enum Kind { SIGNAL_RAISED, SIGNAL_ESCALATED, PUBLICATION_FAILED, PUBLICATION_HELD }

    @Id
    private UUID id;
    @Column(nullable = false)
    private String subject;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Subscription.Topic topic;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Kind kind;
    @Column(name = "source_id", nullable = false)
    private UUID sourceId;
    @Enumerated(EnumType.STRING)
    private Severity severity;
    @Column(nullable = false)
    private String title;
    private String detail;
    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected SubscriptionAlert() {
    }

    static SubscriptionAlert of(String subject, Subscription.Topic topic, Kind kind, UUID sourceId,
                                Severity severity, String title, String detail, Instant now) {
        SubscriptionAlert alert = new SubscriptionAlert();
        alert.id = UUID.randomUUID();
        alert.subject = subject;
        alert.topic = topic;
        alert.kind = kind;
        alert.sourceId = sourceId;
        alert.severity = severity;
        alert.title = title.length() <= 300 ? title : title.substring(0, 300);
        alert.detail = detail == null || detail.length() <= 1000 ? detail : detail.substring(0, 1000);
        alert.createdAt = now;
        return alert;
    }

    public UUID getId() {
        return id;
    }

    public Kind getKind() {
        return kind;
    }

    public UUID getSourceId() {
        return sourceId;
    }

    public Severity getSeverity() {
        return severity;
    }

    public String getTitle() {
        return title;
    }

    public String getDetail() {
        return detail;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }
}
