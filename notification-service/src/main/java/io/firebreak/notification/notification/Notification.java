package io.firebreak.notification.notification;

import io.firebreak.events.Assignment;
import io.firebreak.events.CrisisStatus;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** One person to reach about one crisis state. */
@Entity
@Table(name = "notification")
public class Notification {

    /** Where a notification is; delivery attempts per channel come with the provider adapters. */
    public enum State { QUEUED, SENT, DELIVERED, FAILED, ACKNOWLEDGED }

    /** How it reaches the person; in-app until contact points and providers exist. */
    public enum Channel { IN_APP, EMAIL, SMS, PUSH, CHAT }

    @Id
    private UUID id;
    @Column(name = "crisis_id", nullable = false)
    private UUID crisisId;
    @Enumerated(EnumType.STRING)
    @Column(name = "crisis_status", nullable = false)
    private CrisisStatus crisisStatus;
    @Column(name = "recipient_subject", nullable = false)
    private String recipientSubject;
    @Column(name = "recipient_username")
    private String recipientUsername;
    @Column(name = "recipient_email")
    private String recipientEmail;
    @Column(nullable = false)
    private String role;
    @Column(nullable = false)
    private boolean backup;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Channel channel;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private State state;
    @Column(name = "created_at", nullable = false)
    private Instant createdAt;
    @Column(name = "acknowledged_at")
    private Instant acknowledgedAt;
    @Enumerated(EnumType.STRING)
    @Column(name = "acknowledged_via")
    private Channel acknowledgedVia;

    protected Notification() {
    }

    public static Notification queued(UUID crisisId, CrisisStatus crisisStatus, Assignment assignment, Instant now) {
        Notification notification = new Notification();
        notification.id = UUID.randomUUID();
        notification.crisisId = crisisId;
        notification.crisisStatus = crisisStatus;
        notification.recipientSubject = assignment.subject();
        notification.recipientUsername = assignment.username();
        notification.recipientEmail = assignment.email();
        notification.role = assignment.role();
        notification.backup = assignment.backup();
        notification.channel = Channel.IN_APP;
        notification.state = State.QUEUED;
        notification.createdAt = now;
        return notification;
    }

    /** The recipient said "I'm on it"; false when they already had, so that it is recorded once. */
    public boolean acknowledge(Channel via, Instant now) {
        if (state == State.ACKNOWLEDGED) {
            return false;
        }
        state = State.ACKNOWLEDGED;
        acknowledgedAt = now;
        acknowledgedVia = via;
        return true;
    }

    public UUID getId() {
        return id;
    }

    public UUID getCrisisId() {
        return crisisId;
    }

    public CrisisStatus getCrisisStatus() {
        return crisisStatus;
    }

    public String getRecipientSubject() {
        return recipientSubject;
    }

    public String getRecipientUsername() {
        return recipientUsername;
    }

    public String getRole() {
        return role;
    }

    public boolean isBackup() {
        return backup;
    }

    public Channel getChannel() {
        return channel;
    }

    public State getState() {
        return state;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public String getRecipientEmail() {
        return recipientEmail;
    }

    public Instant getAcknowledgedAt() {
        return acknowledgedAt;
    }

    public Channel getAcknowledgedVia() {
        return acknowledgedVia;
    }
}
