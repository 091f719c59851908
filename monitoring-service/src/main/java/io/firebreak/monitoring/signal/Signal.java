package io.firebreak.monitoring.signal;

import io.firebreak.events.Severity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A surge of criticism on a watch. */
@Entity
@Table(name = "signal")
public class Signal {

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
