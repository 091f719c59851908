package io.firebreak.playbook.statement;

import io.firebreak.playbook.playbook.PlaybookDefinition.Phase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.UUID;

/** A statement for one channel and language, from draft to approval (and publication) or cancellation. */
@Entity
@Table(name = "statement")
public class Statement {

    public enum Status { DRAFT, APPROVED, PUBLISHED, CANCELLED }

    @Id
    private UUID id;
    @Column(name = "crisis_id", nullable = false)
    private UUID crisisId;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Phase phase;
    @Column(nullable = false)
    private String channel;
    @Column(nullable = false)
    private String language;
    @Column(nullable = false)
    private String text;
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
    @Column(name = "approved_by")
    private String approvedBy;
    @Column(name = "approved_at")
    private Instant approvedAt;
    @Column(name = "scheduled_at")
    private Instant scheduledAt;
    @Column(name = "schedule_zone")
    private String scheduleZone;
    @Column(name = "channel_ids")
    private String channelIds;
    @Column(name = "cancelled_by")
    private String cancelledBy;
    @Column(name = "cancelled_at")
    private Instant cancelledAt;
    @Column(name = "published_at")
    private Instant publishedAt;
    @Column(name = "publication_url")
    private String publicationUrl;
    @Column(name = "publication_error")
    private String publicationError;
    @Enumerated(EnumType.STRING)
    @Column(name = "channel_check_status")
    private ChannelCheck.Status channelCheckStatus;
    @Column(name = "channel_verdicts")
    private String channelVerdicts;
    @Column(name = "channel_checked_at")
    private Instant channelCheckedAt;
    @Column(name = "channel_check_reason")
    private String channelCheckReason;
    @Version
    private long version;

    protected Statement() {
    }

    /** {@code targetChannelIdsCsv}: the publishing channels it is written for, when known; checked against their rules. */
    static Statement draft(UUID crisisId, Phase phase, String channel, String language, String text,
                           String targetChannelIdsCsv, String author, Instant now) {
        Statement statement = new Statement();
        statement.id = UUID.randomUUID();
        statement.crisisId = crisisId;
        statement.phase = phase;
        statement.channel = channel;
        statement.language = language;
        statement.text = text;
        statement.status = Status.DRAFT;
        statement.author = author;
        statement.channelIds = targetChannelIdsCsv;
        statement.channelCheckStatus = targetChannelIdsCsv == null ? null : ChannelCheck.Status.PENDING;
        statement.createdAt = now;
        statement.updatedAt = now;
        return statement;
    }

    /** New wording: any earlier tone check was about other words, so it no longer counts. */
    void edit(String newText, Instant now) {
        text = newText;
        toneVerdict = null;
        toneFindings = null;
        toneCheckedAt = null;
        toneBlockedReason = null;
        if (channelCheckStatus != null) {
            channelCheckStatus = ChannelCheck.Status.PENDING;
            channelVerdicts = null;
            channelCheckedAt = null;
            channelCheckReason = null;
        }
        updatedAt = now;
    }

    /** The channels' verdicts on the current text, for the channels in {@code channelIdsCsv}. */
    void channelsChecked(String channelIdsCsv, ChannelCheck.Status status, String verdictsJson, String reason,
                         Instant now) {
        channelIds = channelIdsCsv;
        channelCheckStatus = status;
        channelVerdicts = verdictsJson;
        channelCheckReason = reason;
        channelCheckedAt = now;
        updatedAt = now;
    }

    /** publishing-service could not be asked: the check is pending, and the statement says why. */
    void channelsUnavailable(String channelIdsCsv, String reason, Instant now) {
        channelIds = channelIdsCsv;
        channelCheckStatus = ChannelCheck.Status.UNAVAILABLE;
        channelVerdicts = null;
        channelCheckReason = reason;
        channelCheckedAt = null;
        updatedAt = now;
    }

    void toneChecked(String verdict, String findingsJson, Instant now) {
        toneVerdict = verdict;
        toneFindings = findingsJson;
        toneCheckedAt = now;
        toneBlockedReason = null;
        updatedAt = now;
    }

    /** The check could not run: approval waits, and the statement says why. */
    void toneUnavailable(String reason, Instant now) {
        toneBlockedReason = reason;
        updatedAt = now;
    }

    void approve(String approver, Instant at, String zone, String channelIdsCsv, Instant now) {
        status = Status.APPROVED;
        approvedBy = approver;
        approvedAt = now;
        scheduledAt = at;
        scheduleZone = zone;
        channelIds = channelIdsCsv;
        updatedAt = now;
    }

    void cancel(String who, Instant now) {
        status = Status.CANCELLED;
        cancelledBy = who;
        cancelledAt = now;
        updatedAt = now;
    }

    /** publishing-service put it out (on at least one channel). */
    void published(String url, Instant at) {
        status = Status.PUBLISHED;
        publishedAt = at;
        publicationUrl = url;
        publicationError = null;
        updatedAt = at;
    }

    void publicationFailed(String error, Instant at) {
        publicationError = error;
        updatedAt = at;
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

    public Instant getPublishedAt() {
        return publishedAt;
    }

    public String getPublicationUrl() {
        return publicationUrl;
    }

    public String getPublicationError() {
        return publicationError;
    }

    public UUID getId() {
        return id;
    }

    public UUID getCrisisId() {
        return crisisId;
    }

    public Phase getPhase() {
        return phase;
    }

    public String getChannel() {
        return channel;
    }

    public String getLanguage() {
        return language;
    }

    public String getText() {
        return text;
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

    public String getApprovedBy() {
        return approvedBy;
    }

    public Instant getApprovedAt() {
        return approvedAt;
    }

    public Instant getScheduledAt() {
        return scheduledAt;
    }

    public String getScheduleZone() {
        return scheduleZone;
    }

    public String getChannelIds() {
        return channelIds;
    }

    public String getCancelledBy() {
        return cancelledBy;
    }

    public Instant getCancelledAt() {
        return cancelledAt;
    }
}
