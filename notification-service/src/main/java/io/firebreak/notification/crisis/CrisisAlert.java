package io.firebreak.notification.crisis;

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

/** A crisis people must hear about: its last announced state decides who is paged and how urgently. */
@Entity
@Table(name = "crisis_alert")
public class CrisisAlert {

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

    protected CrisisAlert() {
    }

    static CrisisAlert of(CrisisChanged crisis) {
        CrisisAlert alert = new CrisisAlert();
        alert.crisisId = crisis.crisisId();
        alert.changedAt = Instant.EPOCH;
        alert.update(crisis);
        return alert;
    }

    /** Takes the newer state; an event older than what is known is ignored. */
    boolean update(CrisisChanged crisis) {
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
