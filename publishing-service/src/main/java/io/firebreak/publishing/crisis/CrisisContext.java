package io.firebreak.publishing.crisis;

import io.firebreak.events.CrisisChanged;
import io.firebreak.events.CrisisStatus;
import io.firebreak.events.Severity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A crisis as this service sees it, kept up to date from {@code playbook.crises.v1}. */
@Entity
@Table(name = "crisis_context")
public class CrisisContext {

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
    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    protected CrisisContext() {
    }

    static CrisisContext from(CrisisChanged crisis, Instant now) {
        CrisisContext context = new CrisisContext();
        context.crisisId = crisis.crisisId();
        context.apply(crisis, now);
        return context;
    }

    /** Takes the event's state unless this context already reflects a later change. */
    boolean apply(CrisisChanged crisis, Instant now) {
        if (changedAt != null && crisis.changedAt().isBefore(changedAt)) {
            return false;
        }
        title = crisis.title();
        status = crisis.status();
        severity = crisis.severity();
        drill = crisis.drill();
        changedAt = crisis.changedAt();
        updatedAt = now;
        return true;
    }

    /** While a real (not drill) crisis is live, scheduled non-crisis posts must wait. */
    public boolean holdsScheduledPosts() {
        return !drill && status.isLive();
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
