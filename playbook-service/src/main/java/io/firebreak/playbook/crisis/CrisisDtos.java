package io.firebreak.playbook.crisis;

import io.firebreak.events.CrisisStatus;
import io.firebreak.events.Severity;
import io.firebreak.playbook.assignment.AssignmentDtos.OverdueTask;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** The REST shapes of the crisis feature. */
public final class CrisisDtos {

    private CrisisDtos() {
    }

    /**
     * A crisis manager proposing a crisis by hand (no signal saw it coming). {@code watchId}: the monitoring watch
     * whose mentions the crisis answers (its inbox), when there is one.
     */
    public record ProposeCrisisRequest(
            @NotBlank @Size(max = Crisis.TITLE_MAX) String title,
            @NotNull Severity severity,
            boolean drill,
            @Size(max = 2000) String reason,
            UUID playbookId,
            UUID watchId) {
    }

    /** The recorded decision to close a crisis without a public apology. */
    public record NoApologyRequest(@NotBlank @Size(max = 2000) String reason) {
    }

    public record NoApologyView(String reason, String decidedBy, Instant decidedAt) {

        static NoApologyView of(Crisis crisis) {
            return crisis.getNoApologyReason() == null ? null
                    : new NoApologyView(crisis.getNoApologyReason(), crisis.getNoApologyBy(), crisis.getNoApologyAt());
        }
    }

    /** Why a crisis manager moves a crisis on; required to dismiss. */
    public record TransitionRequest(@Size(max = 2000) String reason) {
    }

    public record TransitionView(CrisisStatus from, CrisisStatus to, String actor, String reason, Instant at) {

        static TransitionView of(CrisisTransition transition) {
            return new TransitionView(transition.getFromStatus(), transition.getToStatus(), transition.getActor(),
                    transition.getReason(), transition.getAt());
        }
    }

    public record CrisisView(
            UUID id,
            String title,
            CrisisStatus status,
            Severity severity,
            boolean drill,
            UUID signalId,
            UUID watchId,
            UUID playbookId,
            Integer playbookVersion,
            Instant activatedAt,
            Instant createdAt,
            Instant updatedAt,
            List<TransitionView> transitions,
            List<OverdueTask> overdueTasks,
            NoApologyView noApology) {

        static CrisisView of(Crisis crisis, List<CrisisTransition> transitions, List<OverdueTask> overdueTasks) {
            return new CrisisView(crisis.getId(), crisis.getTitle(), crisis.getStatus(), crisis.getSeverity(),
                    crisis.isDrill(), crisis.getSignalId(), crisis.getWatchId(), crisis.getPlaybookId(),
                    crisis.getPlaybookVersion(), crisis.getActivatedAt(), crisis.getCreatedAt(),
                    crisis.getUpdatedAt(), transitions.stream().map(TransitionView::of).toList(), overdueTasks,
                    NoApologyView.of(crisis));
        }
    }
}
