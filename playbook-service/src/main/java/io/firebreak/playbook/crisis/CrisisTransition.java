package io.firebreak.playbook.crisis;

import io.firebreak.events.CrisisStatus;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** One recorded change of a crisis' state: who, when, why. */
@Entity
@Table(name = "crisis_transition")
public class CrisisTransition {

    @Id
    private UUID id;
    @Column(name = "crisis_id", nullable = false)
    private UUID crisisId;
    @Enumerated(EnumType.STRING)
    @Column(name = "from_status")
    private CrisisStatus fromStatus;
    @Enumerated(EnumType.STRING)
    @Column(name = "to_status", nullable = false)
    private CrisisStatus toStatus;
    @Column(nullable = false)
    private String actor;
    private String reason;
    @Column(nullable = false)
    private Instant at;

    protected CrisisTransition() {
    }

    static CrisisTransition of(Crisis crisis, CrisisStatus from, String actor, String reason, Instant at) {
        CrisisTransition transition = new CrisisTransition();
        transition.id = UUID.randomUUID();
        transition.crisisId = crisis.getId();
        transition.fromStatus = from;
        transition.toStatus = crisis.getStatus();
        transition.actor = actor;
        transition.reason = reason;
        transition.at = at;
        return transition;
    }

    public CrisisStatus getFromStatus() {
        return fromStatus;
    }

    public CrisisStatus getToStatus() {
        return toStatus;
    }

    public String getActor() {
        return actor;
    }

    public String getReason() {
        return reason;
    }

    public Instant getAt() {
        return at;
    }
}
