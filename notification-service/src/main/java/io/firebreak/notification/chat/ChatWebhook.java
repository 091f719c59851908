package io.firebreak.notification.chat;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A team's chat channel that receives crisis alerts. */
@Entity
@Table(name = "chat_webhook")
public class ChatWebhook {

    @Id
    private UUID id;
    @Column(nullable = false)
    private String team;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private ChatRules.Kind kind;
    @Column(nullable = false)
    private String url;
    @Column(name = "created_by", nullable = false)
    private String createdBy;
    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected ChatWebhook() {
    }

    static ChatWebhook of(String team, ChatRules.Kind kind, String url, String by, Instant now) {
        ChatWebhook webhook = new ChatWebhook();
        webhook.id = UUID.randomUUID();
        webhook.team = team;
        webhook.kind = kind;
        webhook.url = url;
        webhook.createdBy = by;
        webhook.createdAt = now;
        return webhook;
    }

    void replaceUrl(String url, String by, Instant now) {
        this.url = url;
        this.createdBy = by;
        this.createdAt = now;
    }

    public UUID getId() {
        return id;
    }

    public String getTeam() {
        return team;
    }

    public ChatRules.Kind getKind() {
        return kind;
    }

    public String getUrl() {
        return url;
    }

    public String getCreatedBy() {
        return createdBy;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }
}
