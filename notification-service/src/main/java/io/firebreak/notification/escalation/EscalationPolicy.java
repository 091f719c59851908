package io.firebreak.notification.escalation;

import io.firebreak.events.Severity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** The escalation plan for crises of one severity; its steps are stored as JSON. */
@Entity
@Table(name = "escalation_policy")
public class EscalationPolicy {

    @Id
    @Enumerated(EnumType.STRING)
    private Severity severity;
    @Column(nullable = false)
    private String steps;
    @Column(nullable = false)
    private int rounds;
    @Column(name = "updated_by", nullable = false)
    private String updatedBy;
    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    protected EscalationPolicy() {
    }

    static EscalationPolicy of(Severity severity) {
        EscalationPolicy policy = new EscalationPolicy();
        policy.severity = severity;
        return policy;
    }

    void update(String stepsJson, int rounds, String by, Instant now) {
        this.steps = stepsJson;
        this.rounds = rounds;
        this.updatedBy = by;
        this.updatedAt = now;
    }

    public Severity getSeverity() {
        return severity;
    }

    public String getSteps() {
        return steps;
    }

    public int getRounds() {
        return rounds;
    }

    public String getUpdatedBy() {
        return updatedBy;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }
}
