package io.firebreak.notification.chat;

import io.firebreak.events.CrisisStatus;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import io.firebreak.notification.delivery.RetriedSend;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** One crisis state posted to one team channel, with its attempts. */
@Entity
@Table(name = "chat_post")
public class ChatPost extends RetriedSend {

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
        post.dueAt(now);
        post.createdAt = now;
        return post;
    }

    void sent(Instant now) {
        state = State.SENT;
        recordSent(now);
    }

    void retryAt(Instant next, String error) {
        scheduleRetry(next, error);
    }

    void failed(String error) {
        state = State.FAILED;
        recordError(error);
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

}
