package io.firebreak.platform.crisis;

import io.firebreak.events.CrisisChanged;
import io.firebreak.events.CrisisStatus;
import io.firebreak.events.Severity;
import jakarta.persistence.Column;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;
import java.time.Instant;
import java.util.UUID;

/**
 * A crisis as a service other than playbook-service keeps it, from {@code playbook.crises.v1}: the columns
 * every such projection has, and the rule that an event older than the known state changes nothing.
 */
@MappedSuperclass
public abstract class CrisisProjection {

    @Id
    @Column(name = "crisis_id")
    private UUID crisisId;
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
    @Column(name = "changed_at", nullable = false)
    private Instant changedAt;

    protected CrisisProjection() {
    }

    protected CrisisProjection(CrisisChanged crisis) {
        this.crisisId = crisis.crisisId();
        this.changedAt = Instant.EPOCH;
    }

    /** Takes the event's state; false (and no change) when the event is older than what is known. */
    public boolean apply(CrisisChanged crisis) {
        if (crisis.changedAt().isBefore(changedAt)) {
            return false;
        }
        title = crisis.title();
        status = crisis.status();
        severity = crisis.severity();
        drill = crisis.drill();
        changedAt = crisis.changedAt();
        return true;
    }

    public UUID getCrisisId() {
        return crisisId;
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

    public Instant getChangedAt() {
        return changedAt;
    }
}
