package io.firebreak.monitoring.bucket;

import io.firebreak.events.Severity;
import io.firebreak.monitoring.signal.SignalLifecycle.Episode;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/**
 * Where detection stands for one watch: the buckets before {@code closedUntil} are closed and were fed to its
 * detector (replayed from {@code detectionStart} after a restart), and the episode of its signal lifecycle.
 */
@Entity
@Table(name = "watch_detection")
public class WatchDetection {

    @Id
    @Column(name = "watch_id")
    private UUID watchId;
    @Column(name = "detection_start", nullable = false)
    private Instant detectionStart;
    @Column(name = "closed_until", nullable = false)
    private Instant closedUntil;
    @Column(name = "signal_id")
    private UUID signalId;
    @Enumerated(EnumType.STRING)
    private Severity severity;
    @Column(name = "quiet_buckets", nullable = false)
    private int quietBuckets;
    @Column(name = "cooldown_until")
    private Instant cooldownUntil;

    protected WatchDetection() {
    }

    public UUID getWatchId() {
        return watchId;
    }

    public Instant getDetectionStart() {
        return detectionStart;
    }

    public Instant getClosedUntil() {
        return closedUntil;
    }

    public UUID getSignalId() {
        return signalId;
    }

    Episode episode() {
        return new Episode(severity, quietBuckets, cooldownUntil);
    }

    /** Buckets before {@code closedUntil} are closed; the episode is as the lifecycle left it. */
    void closedUntil(Instant closedUntil, Episode episode, UUID signalId) {
        this.closedUntil = closedUntil;
        this.severity = episode.severity();
        this.quietBuckets = episode.quiet();
        this.cooldownUntil = episode.cooldownUntil();
        this.signalId = signalId;
    }
}
