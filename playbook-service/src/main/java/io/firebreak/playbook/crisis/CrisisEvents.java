package io.firebreak.playbook.crisis;

import io.firebreak.events.Assignment;
import io.firebreak.events.CrisisChanged;
import io.firebreak.events.CrisisStatus;
import io.firebreak.events.EventTypes;
import io.firebreak.events.Topics;
import io.firebreak.platform.outbox.Outbox;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;

/**
 * Writes {@code playbook.crises.v1} events into the outbox, in the caller's transaction. Every event carries
 * the crisis' current role holders, so that notification-service can reach them without asking.
 */
@ApplicationScoped
public class CrisisEvents {

    /** Type of the event announcing that role holders changed while the state did not. */
    public static final String REASSIGNED = EventTypes.CRISIS_PREFIX + "reassigned";

    private final Outbox outbox;

    public CrisisEvents(Outbox outbox) {
        this.outbox = outbox;
    }

    public Uni<Void> entered(Crisis crisis, CrisisStatus status, String actor, String reason,
                             List<Assignment> assignments) {
        return publish(EventTypes.crisis(status), crisis, actor, reason, crisis.getUpdatedAt(), assignments);
    }

    public Uni<Void> reassigned(Crisis crisis, String actor, String reason, Instant at, List<Assignment> assignments) {
        return publish(REASSIGNED, crisis, actor, reason, at, assignments);
    }

    private Uni<Void> publish(String type, Crisis crisis, String actor, String reason, Instant at,
                              List<Assignment> assignments) {
        CrisisChanged changed = new CrisisChanged(crisis.getId(), crisis.getPlaybookId(),
                crisis.getPlaybookVersion(), crisis.getTitle(), crisis.getStatus(), crisis.getSeverity(),
                crisis.isDrill(), crisis.getSignalId(), actor, reason, at, List.copyOf(assignments));
        return outbox.publish(Topics.CRISES, type, crisis.getId().toString(), changed).replaceWithVoid();
    }
}
