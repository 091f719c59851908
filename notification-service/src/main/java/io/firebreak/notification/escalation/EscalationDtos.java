package io.firebreak.notification.escalation;

import io.firebreak.events.Severity;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** The REST shapes of escalation policies and running escalations. */
public final class EscalationDtos {

    private EscalationDtos() {
    }

    /** {@code channels}: the channels this step pages on; absent, all of each person's channels. */
    public record StepDto(@NotNull EscalationPlan.Target target, int waitMinutes,
                          List<EscalationPlan.Channel> channels) {
    }

    /** Steps in order, each followed by its wait; the whole sequence runs {@code rounds} times. */
    public record PolicyRequest(@NotNull @Size(min = 1, max = EscalationPlan.MAX_STEPS) List<@Valid @NotNull StepDto> steps,
                                int rounds) {
    }

    public record PolicyView(Severity severity, List<StepDto> steps, int rounds, String updatedBy,
                             Instant updatedAt) {
    }

    public record EscalationView(UUID id, UUID crisisId, String role, Severity severity, Escalation.State state,
                                 int nextStep, int round, Instant dueAt) {

        static EscalationView of(Escalation escalation) {
            return new EscalationView(escalation.getId(), escalation.getCrisisId(), escalation.getRole(),
                    escalation.getSeverity(), escalation.getState(), escalation.position().step(),
                    escalation.position().round(), escalation.getDueAt());
        }
    }
}
