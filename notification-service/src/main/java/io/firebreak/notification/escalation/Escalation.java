package io.firebreak.notification.escalation;

import io.firebreak.events.Severity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A crisis role whose holders have not acknowledged yet: who is paged next, and when. */
@Entity
@Table(name = "escalation")
public class Escalation {

    public enum State { RUNNING, STOPPED, DONE }

    @Id
    private UUID id;
    @Column(name = "crisis_id", nullable = false)
    private UUID crisisId;
    @Column(nullable = false)
    private String role;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Severity severity;
    /** The crisis' holders (JSON assignments) as the crisis event announced them: the people to page. */
    @Column(nullable = false)
    private String holders;
    @Column(name = "next_step", nullable = false)
    private int nextStep;
    @Column(nullable = false)
    private int round;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private State state;
    @Column(name = "due_at", nullable = false)
    private Instant dueAt;
    @Column(name = "lease_until")
    private Instant leaseUntil;
    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected Escalation() {
    }

    static Escalation started(UUID crisisId, String role, Severity severity, String holders,
                              EscalationPlan.Scheduled first, Instant now) {
        Escalation escalation = new Escalation();
        escalation.id = UUID.randomUUID();
        escalation.crisisId = crisisId;
        escalation.role = role;
        escalation.severity = severity;
        escalation.holders = holders;
        escalation.state = State.RUNNING;
        escalation.createdAt = now;
        escalation.moveTo(first, now);
        return escalation;
    }

    void moveTo(EscalationPlan.Scheduled next, Instant now) {
        nextStep = next.position().step();
        round = next.position().round();
        dueAt = now.plus(next.delay());
        leaseUntil = null;
    }

    /** Claimed ahead of a deadline that has not come on this clock: free for a later pass. */
    void release() {
        leaseUntil = null;
    }

    void end(State state) {
        this.state = state;
        this.leaseUntil = null;
    }

    public EscalationPlan.Position position() {
        return new EscalationPlan.Position(nextStep, round);
    }

    public UUID getId() {
        return id;
    }

    public UUID getCrisisId() {
        return crisisId;
    }

    public String getRole() {
        return role;
    }

    public Severity getSeverity() {
        return severity;
    }

    public String getHolders() {
        return holders;
    }

    public State getState() {
        return state;
    }

    public Instant getDueAt() {
        return dueAt;
    }
}
