package io.firebreak.monitoring.signal;

import io.firebreak.events.Severity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/** A surge of criticism on a watch. */
@Entity
@Table(name = "signal")
public class Signal {

    /** Who raised the signals the detector raises. */
    public static final String DETECTOR = "detector";

    @Id
    private UUID id;
    @Column(name = "watch_id", nullable = false)
    private UUID watchId;
    @Column(name = "watch_name")
    private String watchName;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private SignalStatus status;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Severity severity;
    @Column(nullable = false)
    private String summary;
    @Column(name = "window_start", nullable = false)
    private Instant windowStart;
    @Column(name = "window_end", nullable = false)
    private Instant windowEnd;
    @Column(name = "observed_volume", nullable = false)
    private long observedVolume;
    @Column(name = "expected_volume", nullable = false)
    private double expectedVolume;
    @Column(name = "negative_share", nullable = false)
    private double negativeShare;
    @Column(nullable = false)
    private double score;
    @Column(name = "raised_by", nullable = false)
    private String raisedBy;
    @Column(name = "raised_at", nullable = false)
    private Instant raisedAt;
    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;
    @Column(name = "driving_mention_ids", nullable = false)
    private String drivingMentionIds = "";
    /** The highest observed/expected ratio of a bucket of the signal (what its severity comes from). */
    @Column(name = "peak_ratio", nullable = false)
    private double peakRatio;
    @Column(name = "acknowledged_by")
    private String acknowledgedBy;
    @Column(name = "acknowledged_at")
    private Instant acknowledgedAt;
    @Column(name = "dismissed_by")
    private String dismissedBy;
    @Column(name = "dismissed_at")
    private Instant dismissedAt;
    @Column(name = "closed_at")
    private Instant closedAt;

    protected Signal() {
    }

    /** A signal an analyst raises by hand, for a surge seen before (or beside) the detector. */
    static Signal raisedByHand(UUID watchId, String watchName, Severity severity, String summary,
                               Instant windowStart, Instant windowEnd, long observedVolume, double negativeShare,
                               String raisedBy, Instant now) {
        Signal signal = new Signal();
        signal.id = UUID.randomUUID();
        signal.watchId = watchId;
        signal.watchName = watchName;
        signal.status = SignalStatus.OPEN;
        signal.severity = severity;
        signal.summary = summary;
        signal.windowStart = windowStart;
        signal.windowEnd = windowEnd;
        signal.observedVolume = observedVolume;
        signal.expectedVolume = 0;
        signal.negativeShare = negativeShare;
        signal.score = 1.0;
        signal.raisedBy = raisedBy;
        signal.raisedAt = now;
        signal.updatedAt = now;
        return signal;
    }

    /** A signal the detector raises on a bucket whose volume surged with criticism. */
    static Signal detected(UUID watchId, String watchName, Severity severity, SignalLifecycle.Bucket bucket,
                           Instant now) {
        Signal signal = new Signal();
        signal.id = UUID.randomUUID();
        signal.watchId = watchId;
        signal.watchName = watchName;
        signal.status = SignalStatus.OPEN;
        signal.severity = severity;
        signal.windowStart = bucket.start();
        signal.windowEnd = bucket.end();
        signal.observedVolume = bucket.volume();
        signal.expectedVolume = bucket.expected();
        signal.negativeShare = bucket.negativeShare();
        signal.score = bucket.score();
        signal.peakRatio = bucket.ratio();
        signal.raisedBy = DETECTOR;
        signal.raisedAt = now;
        signal.updatedAt = now;
        signal.summary = signal.describe();
        return signal;
    }

    /** An elevated bucket of the same surge: the window, volumes, share and score take it in. */
    void grow(Severity severity, SignalLifecycle.Bucket bucket, Instant now) {
        long negative = Math.round(negativeShare * observedVolume) + bucket.negative();
        this.observedVolume += bucket.volume();
        this.expectedVolume += bucket.expected();
        this.negativeShare = observedVolume == 0 ? 0 : Math.min(1, (double) negative / observedVolume);
        this.windowEnd = bucket.end();
        this.score = Math.max(score, bucket.score());
        this.peakRatio = Math.max(peakRatio, bucket.ratio());
        this.severity = severity;
        this.updatedAt = now;
        this.summary = describe();
    }

    /** The surge subsided. A signal an analyst dismissed stays dismissed. */
    void close(Instant now) {
        if (status == SignalStatus.OPEN || status == SignalStatus.ACKNOWLEDGED) {
            this.status = SignalStatus.CLOSED;
        }
        this.closedAt = now;
        this.updatedAt = now;
    }

    void acknowledge(String analyst, Instant now) {
        if (status != SignalStatus.OPEN) {
            throw new IllegalStateException("only an open signal can be acknowledged; this one is " + status);
        }
        this.status = SignalStatus.ACKNOWLEDGED;
        this.acknowledgedBy = analyst;
        this.acknowledgedAt = now;
        this.updatedAt = now;
    }

    void dismiss(String analyst, Instant now) {
        if (status != SignalStatus.OPEN && status != SignalStatus.ACKNOWLEDGED) {
            throw new IllegalStateException("only an open or acknowledged signal can be dismissed; this one is "
                    + status);
        }
        this.status = SignalStatus.DISMISSED;
        this.dismissedBy = analyst;
        this.dismissedAt = now;
        this.updatedAt = now;
    }

    void drivenBy(List<UUID> mentionIds) {
        this.drivingMentionIds = String.join(",", mentionIds.stream().map(UUID::toString).toList());
    }

    private String describe() {
        return String.format(Locale.ROOT, "Surge of criticism on %s: %d mentions from %s to %s (%.0f expected), "
                + "%.0f%% negative", watchName != null ? watchName : watchId, observedVolume, windowStart, windowEnd,
                expectedVolume, negativeShare * 100);
    }

    public List<UUID> getDrivingMentionIds() {
        return drivingMentionIds.isEmpty() ? List.of()
                : Arrays.stream(drivingMentionIds.split(",")).map(UUID::fromString).toList();
    }

    public double getPeakRatio() {
        return peakRatio;
    }

    public String getAcknowledgedBy() {
        return acknowledgedBy;
    }

    public Instant getAcknowledgedAt() {
        return acknowledgedAt;
    }

    public String getDismissedBy() {
        return dismissedBy;
    }

    public Instant getDismissedAt() {
        return dismissedAt;
    }

    public Instant getClosedAt() {
        return closedAt;
    }

    public UUID getId() {
        return id;
    }

    public UUID getWatchId() {
        return watchId;
    }

    public String getWatchName() {
        return watchName;
    }

    public SignalStatus getStatus() {
        return status;
    }

    public Severity getSeverity() {
        return severity;
    }

    public String getSummary() {
        return summary;
    }

    public Instant getWindowStart() {
        return windowStart;
    }

    public Instant getWindowEnd() {
        return windowEnd;
    }

    public long getObservedVolume() {
        return observedVolume;
    }

    public double getExpectedVolume() {
        return expectedVolume;
    }

    public double getNegativeShare() {
        return negativeShare;
    }

    public double getScore() {
        return score;
    }

    public String getRaisedBy() {
        return raisedBy;
    }

    public Instant getRaisedAt() {
        return raisedAt;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }
}
