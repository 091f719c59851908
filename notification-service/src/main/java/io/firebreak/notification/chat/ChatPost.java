package io.firebreak.notification.chat;

import io.firebreak.events.CrisisStatus;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** One crisis state posted to one team channel, with its attempts. */
@Entity
@Table(name = "chat_post")
public class ChatPost {

    public enum State { QUEUED, SENT, FAILED }

    @Id
    private UUID id;
    @Column(name = "webhook_id", nullable = false)
    private UUID webhookId;
    @Column(name = "crisis_id", nullable = false)
    private UUID crisisId;
    @Enumerated(EnumType.STRING)
    @Column(name = "crisis_status", nullable = false)
    private CrisisStatus crisisStatus;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private State state;
    @Column(nullable = false)
    private int attempts;
    @Column(name = "next_attempt_at", nullable = false)
    private Instant nextAttemptAt;
    @Column(name = "lease_until")
    private Instant leaseUntil;
    @Column(name = "last_error")
    private String lastError;
    @Column(name = "sent_at")
    private Instant sentAt;
    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected ChatPost() {
    }

    static ChatPost queued(UUID webhookId, UUID crisisId, CrisisStatus status, Instant now) {
        ChatPost post = new ChatPost();
        post.id = UUID.randomUUID();
        post.webhookId = webhookId;
        post.crisisId = crisisId;
        post.crisisStatus = status;
        post.state = State.QUEUED;
        post.nextAttemptAt = now;
        post.createdAt = now;
        return post;
    }

    void sent(Instant now) {
        state = State.SENT;
        sentAt = now;
        leaseUntil = null;
        lastError = null;
    }

    void retryAt(Instant next, String error) {
        nextAttemptAt = next;
        leaseUntil = null;
        lastError = truncate(error);
    }

    void failed(String error) {
        state = State.FAILED;
        leaseUntil = null;
        lastError = truncate(error);
    }

    private static String truncate(String error) {
        return error == null || error.length() <= 1000 ? error : error.substring(0, 1000);
    }

    public UUID getId() {
        return id;
    }

    public UUID getWebhookId() {
        return webhookId;
    }

    public UUID getCrisisId() {
        return crisisId;
    }

    public CrisisStatus getCrisisStatus() {
        return crisisStatus;
    }

    public State getState() {
        return state;
    }

    public int getAttempts() {
        return attempts;
    }

    public String getLastError() {
        return lastError;
    }

    public Instant getSentAt() {
        return sentAt;
    }
}
