package io.firebreak.publishing.publication;

import io.firebreak.publishing.rules.Platform;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/**
 * One text going out on one channel: from an approved statement (statement × channel) or a promotional post
 * a communicator scheduled. {@code dueAt} is when the dispatcher next looks at it; a claim is a lease.
 */
@Entity
@Table(name = "publication")
public class Publication {

    @Id
    private UUID id;
    @Column(name = "statement_id")
    private UUID statementId;
    @Column(name = "crisis_id")
    private UUID crisisId;
    @Column(name = "channel_id", nullable = false)
    private UUID channelId;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Platform platform;
    @Column(nullable = false)
    private String text;
    @Column(name = "allow_thread", nullable = false)
    private boolean allowThread;
    @Column(nullable = false)
    private boolean drill;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private PublicationState state;
    @Column(name = "scheduled_at", nullable = false)
    private Instant scheduledAt;
    @Column(name = "due_at", nullable = false)
    private Instant dueAt;
    @Column(nullable = false)
    private int attempts;
    @Column(name = "lease_owner")
    private String leaseOwner;
    @Column(name = "lease_until")
    private Instant leaseUntil;
    /** A crisis-manager released it from the crisis hold: the dispatcher must not hold it again. */
    @Column(name = "hold_released", nullable = false)
    private boolean holdReleased;
    /** Look the post up on the platform before sending it again: an earlier send may have gone out unanswered. */
    @Column(nullable = false)
    private boolean reconcile;
    @Column(name = "external_id")
    private String externalId;
    private String url;
    @Column(name = "last_error")
    private String lastError;
    /** Set on a reply: the post it answers, in that post's thread. */
    @Column(name = "reply_platform")
    private String replyPlatform;
    @Column(name = "reply_post_id")
    private String replyPostId;
    @Column(name = "reply_post_url")
    private String replyPostUrl;
    @Column(name = "reply_author")
    private String replyAuthor;
    @Column(name = "created_by", nullable = false)
    private String createdBy;
    @Column(name = "created_at", nullable = false)
    private Instant createdAt;
    @Column(name = "updated_by", nullable = false)
    private String updatedBy;
    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    protected Publication() {
    }

    static Publication scheduled(UUID statementId, UUID crisisId, UUID channelId, Platform platform, String text,
                                 boolean allowThread, boolean drill, Instant scheduledAt, String actor, Instant now) {
        Publication publication = new Publication();
        publication.id = UUID.randomUUID();
        publication.statementId = statementId;
        publication.crisisId = crisisId;
        publication.channelId = channelId;
        publication.platform = platform;
        publication.text = text;
        publication.allowThread = allowThread;
        publication.drill = drill;
        publication.state = PublicationState.SCHEDULED;
        publication.scheduledAt = scheduledAt;
        publication.dueAt = scheduledAt;
        publication.createdBy = actor;
        publication.createdAt = now;
        publication.updatedBy = actor;
        publication.updatedAt = now;
        return publication;
    }

    /** Makes it a reply to the post {@code postId} on {@code platform} (a mention source), never a thread. */
    void answering(String platform, String postId, String postUrl, String author) {
        this.replyPlatform = platform;
        this.replyPostId = postId;
        this.replyPostUrl = postUrl;
        this.replyAuthor = author;
        this.allowThread = false;
    }

    /** Moves to {@code target}, or refuses with the reason when the lifecycle does not allow it. */
    PublicationState moveTo(PublicationState target, String actor, Instant now) {
        if (!state.canMoveTo(target)) {
            throw new IllegalPublicationMove(id, state, target);
        }
        PublicationState from = state;
        state = target;
        updatedBy = actor;
        updatedAt = now;
        if (target != PublicationState.PUBLISHING) {
            leaseOwner = null;
            leaseUntil = null;
        }
        return from;
    }

    void claim(String owner, Instant now, Instant until) {
        moveTo(PublicationState.PUBLISHING, owner, now);
        attempts++;
        leaseOwner = owner;
        leaseUntil = until;
    }

    /**
     * Reserves a publication due shortly, without changing its state: other replicas skip it until
     * {@code until}, and a cancel, hold or reschedule before its due time still applies (any move clears it).
     */
    void reserve(String owner, Instant until) {
        leaseOwner = owner;
        leaseUntil = until;
    }

    boolean isClaimedBy(String owner) {
        return state == PublicationState.PUBLISHING && owner.equals(leaseOwner);
    }

    void published(String externalId, String url, String actor, Instant now) {
        moveTo(PublicationState.PUBLISHED, actor, now);
        this.externalId = externalId;
        this.url = url;
        this.lastError = null;
        this.reconcile = false;
    }

    void retryAt(Instant due, String error, String actor, Instant now) {
        moveTo(PublicationState.RETRYING, actor, now);
        dueAt = due;
        lastError = error;
    }

    void failed(String error, String actor, Instant now) {
        moveTo(PublicationState.FAILED, actor, now);
        lastError = error;
    }

    /** Unknown, for a person to look up: nothing here can tell whether the post went out. */
    void unknown(String error, String actor, Instant now) {
        moveTo(PublicationState.UNKNOWN, actor, now);
        lastError = error;
        reconcile = false;
    }

    /** Unknown, for the dispatcher to look up on the platform at {@code due} before any new send. */
    void unknownToReconcile(Instant due, String error, String actor, Instant now) {
        moveTo(PublicationState.UNKNOWN, actor, now);
        lastError = error;
        dueAt = due;
        reconcile = true;
    }

    void mustReconcile() {
        reconcile = true;
    }

    void reschedule(Instant at, String actor, Instant now) {
        moveTo(PublicationState.SCHEDULED, actor, now);
        scheduledAt = at;
        dueAt = at;
        attempts = 0;
        lastError = null;
        reconcile = false;
    }

    void releaseHold(String actor, Instant now) {
        moveTo(PublicationState.SCHEDULED, actor, now);
        holdReleased = true;
        dueAt = scheduledAt.isAfter(now) ? scheduledAt : now;
    }

    /**
     * Promotional posts (not part of any crisis) wait while a real crisis is live, unless released; replies to
     * critics belong to the crisis and never wait.
     */
    boolean heldByLiveCrisis() {
        return crisisId == null && !holdReleased && !isReply();
    }

    public boolean isReply() {
        return replyPostId != null;
    }

    public String getReplyPlatform() {
        return replyPlatform;
    }

    public String getReplyPostId() {
        return replyPostId;
    }

    public String getReplyPostUrl() {
        return replyPostUrl;
    }

    public String getReplyAuthor() {
        return replyAuthor;
    }

    public UUID getId() {
        return id;
    }

    public UUID getStatementId() {
        return statementId;
    }

    public UUID getCrisisId() {
        return crisisId;
    }

    public UUID getChannelId() {
        return channelId;
    }

    public Platform getPlatform() {
        return platform;
    }

    public String getText() {
        return text;
    }

    public boolean isAllowThread() {
        return allowThread;
    }

    public boolean isDrill() {
        return drill;
    }

    public PublicationState getState() {
        return state;
    }

    public Instant getScheduledAt() {
        return scheduledAt;
    }

    public Instant getDueAt() {
        return dueAt;
    }

    public int getAttempts() {
        return attempts;
    }

    public String getLeaseOwner() {
        return leaseOwner;
    }

    public Instant getLeaseUntil() {
        return leaseUntil;
    }

    public boolean isReconcile() {
        return reconcile;
    }

    public String getExternalId() {
        return externalId;
    }

    public String getUrl() {
        return url;
    }

    public String getLastError() {
        return lastError;
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

    /** A move the lifecycle forbids: a 409 for a person, a no-op for the dispatcher. */
    public static class IllegalPublicationMove extends RuntimeException {
        IllegalPublicationMove(UUID id, PublicationState from, PublicationState to) {
            super("publication " + id + " is " + from + " and cannot become " + to);
        }
    }
}
