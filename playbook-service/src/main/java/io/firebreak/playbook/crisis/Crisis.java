package io.firebreak.playbook.crisis;

import io.firebreak.events.CrisisStatus;
import io.firebreak.events.Severity;
import io.firebreak.playbook.playbook.PlaybookDtos.PlaybookRef;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.UUID;

/** The crisis aggregate. Its state changes only through {@link CrisisService}, which records each one. */
@Entity
@Table(name = "crisis")
public class Crisis {

    static final int TITLE_MAX = 300;

    @Id
    private UUID id;
    @Column(nullable = false)
    private String title;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private CrisisStatus status;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Severity severity;
    @Column(nullable = false)
    private boolean drill;
    @Column(name = "signal_id")
    private UUID signalId;
    @Column(name = "watch_id")
    private UUID watchId;
    @Column(name = "playbook_id")
    private UUID playbookId;
    @Column(name = "playbook_version")
    private Integer playbookVersion;
    @Column(name = "detected_at")
    private Instant detectedAt;
    @Column(name = "activated_at")
    private Instant activatedAt;
    @Column(name = "no_apology_reason")
    private String noApologyReason;
    @Column(name = "no_apology_by")
    private String noApologyBy;
    @Column(name = "no_apology_at")
    private Instant noApologyAt;
    @Column(name = "created_at", nullable = false)
    private Instant createdAt;
    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;
    @Version
    private long version;

    protected Crisis() {
    }

    static Crisis proposed(String title, Severity severity, boolean drill, UUID signalId, UUID watchId,
                           Instant detectedAt, PlaybookRef playbook, Instant now) {
        Crisis crisis = new Crisis();
        crisis.id = UUID.randomUUID();
        crisis.title = title.length() > TITLE_MAX ? title.substring(0, TITLE_MAX - 1) + "…" : title;
        crisis.status = CrisisStatus.PROPOSED;
        crisis.severity = severity;
        crisis.drill = drill;
        crisis.signalId = signalId;
        crisis.watchId = watchId;
        crisis.detectedAt = detectedAt;
        if (playbook != null) {
            crisis.playbookId = playbook.id();
            crisis.playbookVersion = playbook.version();
        }
        crisis.createdAt = now;
        crisis.updatedAt = now;
        return crisis;
    }

    /** Enters {@code to}; the caller has checked {@link CrisisLifecycle#allows} and records the transition. */
    void enter(CrisisStatus to, Instant now) {
        if (to == CrisisStatus.ACTIVE && activatedAt == null) {
            activatedAt = now;
        }
        status = to;
        updatedAt = now;
    }

    /** Records, with who and why, that this crisis closes without a public apology. */
    void decideNotToApologise(String reason, String decidedBy, Instant now) {
        noApologyReason = reason;
        noApologyBy = decidedBy;
        noApologyAt = now;
        updatedAt = now;
    }

    public String getNoApologyReason() {
        return noApologyReason;
    }

    public String getNoApologyBy() {
        return noApologyBy;
    }

    public Instant getNoApologyAt() {
        return noApologyAt;
    }

    public UUID getId() {
        return id;
    }

    public String getTitle() {
        return title;
    }

    public CrisisStatus getStatus() {
        return status;
    }

    public Severity getSeverity() {
        return severity;
    }

    public boolean isDrill() {
        return drill;
    }

    public UUID getSignalId() {
        return signalId;
    }

    public UUID getWatchId() {
        return watchId;
    }

    public UUID getPlaybookId() {
        return playbookId;
    }

    public Integer getPlaybookVersion() {
        return playbookVersion;
    }

    /** When the surge was detected (the signal's time); null for a crisis proposed by hand. */
    public Instant getDetectedAt() {
        return detectedAt;
    }

    public Instant getActivatedAt() {
        return activatedAt;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }
}
