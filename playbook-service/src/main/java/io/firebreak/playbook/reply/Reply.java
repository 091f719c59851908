package io.firebreak.playbook.reply;

import io.firebreak.playbook.client.Mention;
import io.firebreak.playbook.playbook.PlaybookDefinition.Complaint;
import io.firebreak.playbook.statement.ChannelCheck;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/**
 * A reply to one critic's post, from draft to publication in the critic's thread. Only a REJECTED reply frees the
 * mention for another one (database constraint {@code reply_one_live_per_mention}).
 */
@Entity
@Table(name = "reply")
public class Reply {

    public enum Status { DRAFT, PENDING_APPROVAL, APPROVED, PUBLISHED, FAILED, REJECTED }

    /** Who let it out: the playbook's policy (its exact template, found courteous) or an approver. */
    public enum Approval { POLICY, APPROVER }

    @Id
    private UUID id;
    @Column(name = "crisis_id", nullable = false)
    private UUID crisisId;
    @Column(name = "mention_id", nullable = false)
    private UUID mentionId;
    @Column(name = "mention_source", nullable = false)
    private String mentionSource;
    @Column(name = "mention_external_id", nullable = false)
    private String mentionExternalId;
    @Column(name = "mention_url")
    private String mentionUrl;
    @Column(name = "mention_author")
    private String mentionAuthor;
    @Column(name = "mention_published_at")
    private Instant mentionPublishedAt;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Complaint complaint;
    @Column(name = "template_key")
    private String templateKey;
    @Column(name = "template_text")
    private String templateText;
    @Column(nullable = false)
    private String language;
    @Column(nullable = false)
    private String text;
    @Column(name = "channel_id", nullable = false)
    private UUID channelId;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Status status;
    @Column(nullable = false)
    private String author;
    @Column(name = "created_at", nullable = false)
    private Instant createdAt;
    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;
    @Column(name = "tone_verdict")
    private String toneVerdict;
    @Column(name = "tone_findings")
    private String toneFindings;
    @Column(name = "tone_checked_at")
    private Instant toneCheckedAt;
    @Column(name = "tone_blocked_reason")
    private String toneBlockedReason;
    @Enumerated(EnumType.STRING)
    @Column(name = "channel_check_status")
    private ChannelCheck.Status channelCheckStatus;
    @Column(name = "channel_verdicts")
    private String channelVerdicts;
    @Column(name = "channel_checked_at")
    private Instant channelCheckedAt;
    @Column(name = "channel_check_reason")
    private String channelCheckReason;
    @Column(name = "sent_by")
    private String sentBy;
    @Column(name = "sent_at")
    private Instant sentAt;
    @Enumerated(EnumType.STRING)
    @Column(name = "approval")
    private Approval approval;
    @Column(name = "approved_by")
    private String approvedBy;
    @Column(name = "approved_at")
    private Instant approvedAt;
    @Column(name = "rejected_by")
    private String rejectedBy;
    @Column(name = "rejected_at")
    private Instant rejectedAt;
    @Column(name = "rejection_reason")
    private String rejectionReason;
    @Column(name = "published_at")
    private Instant publishedAt;
    @Column(name = "publication_url")
    private String publicationUrl;
    @Column(name = "publication_external_id")
    private String publicationExternalId;
    @Column(name = "publication_error")
    private String publicationError;
    @Column(name = "failed_at")
    private Instant failedAt;
    @Version
    private long version;

    protected Reply() {
    }

    /**
     * {@code templateKey}/{@code templateText}: the reply template it started from and its rendered text, null for
     * a free-written reply.
     */
    static Reply draft(UUID crisisId, Mention mention, Complaint complaint, String templateKey, String templateText,
                       String language, String text, UUID channelId, String author, Instant now) {
        Reply reply = new Reply();
        reply.id = UUID.randomUUID();
        reply.crisisId = crisisId;
        reply.mentionId = mention.id();
        reply.mentionSource = mention.source();
        reply.mentionExternalId = mention.externalId();
        reply.mentionUrl = mention.url();
        reply.mentionAuthor = mention.author();
        // As PostgreSQL keeps it, so that the draft's answer and later reads agree.
        reply.mentionPublishedAt = mention.publishedAt() == null ? null
                : mention.publishedAt().truncatedTo(ChronoUnit.MICROS);
        reply.complaint = complaint;
        reply.templateKey = templateKey;
        reply.templateText = templateText;
        reply.language = language;
        reply.text = text;
        reply.channelId = channelId;
        reply.status = Status.DRAFT;
        reply.author = author;
        reply.createdAt = now;
        reply.updatedAt = now;
        return reply;
    }

    /** True when the text is exactly the rendered template: what the playbook's policy may let out alone. */
    public boolean isExactTemplate() {
        return templateText != null && templateText.equals(text);
    }

    /** New wording, back to a draft: whatever was sent for approval was about other words. */
    void edit(String newText, Instant now) {
        text = newText;
        status = Status.DRAFT;
        sentBy = null;
        sentAt = null;
        updatedAt = now;
    }

    void toneChecked(String verdict, String findingsJson, Instant now) {
        toneVerdict = verdict;
        toneFindings = findingsJson;
        toneCheckedAt = now;
        toneBlockedReason = null;
        updatedAt = now;
    }

    /** The check could not run: sending waits, and the reply says why. */
    void toneUnavailable(String reason, Instant now) {
        toneVerdict = null;
        toneFindings = null;
        toneCheckedAt = null;
        toneBlockedReason = reason;
        updatedAt = now;
    }

    void channelChecked(ChannelCheck.Status status, String verdictsJson, String reason, Instant now) {
        channelCheckStatus = status;
        channelVerdicts = verdictsJson;
        channelCheckReason = reason;
        channelCheckedAt = status == ChannelCheck.Status.UNAVAILABLE ? null : now;
        updatedAt = now;
    }

    /** Sent by its author; waits for an approver. */
    void awaitApproval(String sender, Instant now) {
        status = Status.PENDING_APPROVAL;
        sentBy = sender;
        sentAt = now;
        updatedAt = now;
    }

    /** Sent by its author and let out by the playbook's policy at once. */
    void approveByPolicy(String sender, Instant now) {
        sentBy = sender;
        sentAt = now;
        approve(Approval.POLICY, ReplyPolicy.POLICY_TEMPLATE, now);
    }

    void approveBy(String approver, Instant now) {
        approve(Approval.APPROVER, approver, now);
    }

    private void approve(Approval how, String by, Instant now) {
        status = Status.APPROVED;
        approval = how;
        approvedBy = by;
        approvedAt = now;
        updatedAt = now;
    }

    void reject(String by, String reason, Instant now) {
        status = Status.REJECTED;
        rejectedBy = by;
        rejectionReason = reason;
        rejectedAt = now;
        updatedAt = now;
    }

    /** Out in the critic's thread (a post once reported failed may still be re-sent and go out). */
    void published(String url, String externalId, Instant at) {
        status = Status.PUBLISHED;
        publishedAt = at;
        publicationUrl = url;
        publicationExternalId = externalId;
        publicationError = null;
        updatedAt = at;
    }

    void failed(String error, Instant at) {
        status = Status.FAILED;
        publicationError = error;
        failedAt = at;
        updatedAt = at;
    }

    public UUID getId() {
        return id;
    }

    public UUID getCrisisId() {
        return crisisId;
    }

    public UUID getMentionId() {
        return mentionId;
    }

    public String getMentionSource() {
        return mentionSource;
    }

    public String getMentionExternalId() {
        return mentionExternalId;
    }

    public String getMentionUrl() {
        return mentionUrl;
    }

    public String getMentionAuthor() {
        return mentionAuthor;
    }

    public Instant getMentionPublishedAt() {
        return mentionPublishedAt;
    }

    public Complaint getComplaint() {
        return complaint;
    }

    public String getTemplateKey() {
        return templateKey;
    }

    public String getTemplateText() {
        return templateText;
    }

    public String getLanguage() {
        return language;
    }

    public String getText() {
        return text;
    }

    public UUID getChannelId() {
        return channelId;
    }

    public Status getStatus() {
        return status;
    }

    public String getAuthor() {
        return author;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }

    public String getToneVerdict() {
        return toneVerdict;
    }

    public String getToneFindings() {
        return toneFindings;
    }

    public Instant getToneCheckedAt() {
        return toneCheckedAt;
    }

    public String getToneBlockedReason() {
        return toneBlockedReason;
    }

    public ChannelCheck.Status getChannelCheckStatus() {
        return channelCheckStatus;
    }

    public String getChannelVerdicts() {
        return channelVerdicts;
    }

    public Instant getChannelCheckedAt() {
        return channelCheckedAt;
    }

    public String getChannelCheckReason() {
        return channelCheckReason;
    }

    public String getSentBy() {
        return sentBy;
    }

    public Instant getSentAt() {
        return sentAt;
    }

    public Approval getApproval() {
        return approval;
    }

    public String getApprovedBy() {
        return approvedBy;
    }

    public Instant getApprovedAt() {
        return approvedAt;
    }

    public String getRejectedBy() {
        return rejectedBy;
    }

    public Instant getRejectedAt() {
        return rejectedAt;
    }

    public String getRejectionReason() {
        return rejectionReason;
    }

    public Instant getPublishedAt() {
        return publishedAt;
    }

    public String getPublicationUrl() {
        return publicationUrl;
    }

    public String getPublicationExternalId() {
        return publicationExternalId;
    }

    public String getPublicationError() {
        return publicationError;
    }

    public Instant getFailedAt() {
        return failedAt;
    }
}
