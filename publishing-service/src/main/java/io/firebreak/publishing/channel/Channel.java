package io.firebreak.publishing.channel;

import io.firebreak.publishing.rules.ChannelRules;
import io.firebreak.publishing.rules.Platform;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A platform account publications go out to. Its credentials are only ever held encrypted. */
@Entity
@Table(name = "channel")
public class Channel {

    public enum Status {
        /** Usable; transient platform errors never change that. */
        ACTIVE,
        /** The platform refused the credentials (401/403): an admin must fix them. */
        BROKEN
    }

    @Id
    private UUID id;
    @Column(nullable = false)
    private String name;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Platform platform;
    @Column(name = "base_url")
    private String baseUrl;
    private String account;
    /** The instance's own limit where it varies (Mastodon), read on verify or given by the admin. */
    @Column(name = "max_length")
    private Integer maxLength;
    @Column(name = "credentials_encrypted")
    private String credentialsEncrypted;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Status status;
    @Column(name = "last_error")
    private String lastError;
    @Column(name = "verified_at")
    private Instant verifiedAt;
    @Column(name = "created_by", nullable = false)
    private String createdBy;
    @Column(name = "created_at", nullable = false)
    private Instant createdAt;
    @Column(name = "updated_by", nullable = false)
    private String updatedBy;
    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    protected Channel() {
    }

    static Channel create(UUID id, String name, Platform platform, String baseUrl, String account, Integer maxLength,
                          String admin, Instant now) {
        Channel channel = new Channel();
        channel.id = id;
        channel.name = name;
        channel.platform = platform;
        channel.baseUrl = baseUrl;
        channel.account = account;
        channel.maxLength = maxLength;
        channel.status = Status.ACTIVE;
        channel.createdBy = admin;
        channel.createdAt = now;
        channel.updatedBy = admin;
        channel.updatedAt = now;
        return channel;
    }

    void replaceCredentials(String encrypted, String admin, Instant now) {
        credentialsEncrypted = encrypted;
        status = Status.ACTIVE;
        lastError = null;
        touch(admin, now);
    }

    void verified(Integer instanceLimit, String admin, Instant now) {
        if (instanceLimit != null) {
            maxLength = instanceLimit;
        }
        status = Status.ACTIVE;
        lastError = null;
        verifiedAt = now;
        touch(admin, now);
    }

    /** Only a refusal of the credentials breaks a channel; timeouts, 429 and 5xx never do. */
    public void credentialsRefused(String reason, Instant now) {
        status = Status.BROKEN;
        lastError = reason;
        updatedAt = now;
    }

    private void touch(String admin, Instant now) {
        updatedBy = admin;
        updatedAt = now;
    }

    public ChannelRules rules() {
        return ChannelRules.of(platform, maxLength);
    }

    /** The API base URL to call: the channel's own, else the platform's public one. */
    public String apiBaseUrl() {
        return baseUrl != null ? baseUrl : platform.defaultBaseUrl();
    }

    public UUID getId() {
        return id;
    }

    public String getName() {
        return name;
    }

    public Platform getPlatform() {
        return platform;
    }

    public String getBaseUrl() {
        return baseUrl;
    }

    public String getAccount() {
        return account;
    }

    public Integer getMaxLength() {
        return maxLength;
    }

    String getCredentialsEncrypted() {
        return credentialsEncrypted;
    }

    public boolean hasCredentials() {
        return credentialsEncrypted != null;
    }

    public Status getStatus() {
        return status;
    }

    public String getLastError() {
        return lastError;
    }

    public Instant getVerifiedAt() {
        return verifiedAt;
    }

    public String getCreatedBy() {
        return createdBy;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public String getUpdatedBy() {
        return updatedBy;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }
}
