package io.firebreak.notification.readiness;

import io.firebreak.notification.escalation.EscalationService;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** What would keep someone from being reached in a live crisis, to fix now rather than during it. */
@ApplicationScoped
public class ReadinessService {

    private final Pool pool;
    private final EscalationService escalations;

    public ReadinessService(Pool pool, EscalationService escalations) {
        this.pool = pool;
        this.escalations = escalations;
    }

    public enum Kind { NO_CONTACT_POINT, UNREACHABLE, STEP_NEVER_FIRES }

    /** One problem; {@code subject} names the person, or is null when the problem is a policy step's. */
    public record Warning(Kind kind, UUID crisisId, String role, String subject, String detail) {
    }

    public Uni<List<Warning>> warnings() {
        return unreachableHolders().chain(warnings -> escalations.emptySteps().map(steps -> {
            List<Warning> all = new ArrayList<>(warnings);
            steps.forEach(step -> all.add(new Warning(Kind.STEP_NEVER_FIRES, step.crisisId(), step.role(), null,
                    "step " + step.step() + " pages the " + step.target() + " of " + step.role()
                    + ", and nobody holds that")));
            return all;
        }));
    }

    /** Holders of live crises with no channel to reach them, or whose every delivery failed for good. */
    private Uni<List<Warning>> unreachableHolders() {
        return pool.query("""
                        select n.crisis_id, n.role, n.recipient_subject, d.id as delivery_id, d.last_error
                        from notification n
                        join crisis_alert c on c.crisis_id = n.crisis_id
                        left join delivery d on d.notification_id = n.id
                        where c.status = 'ACTIVE' and n.state <> 'ACKNOWLEDGED'
                          and (d.id is null or d.state = 'FAILED')
                        order by n.created_at""")
                .execute()
                .map(rows -> {
                    List<Warning> warnings = new ArrayList<>();
                    for (Row row : rows) {
                        boolean noChannel = row.getUUID("delivery_id") == null;
                        warnings.add(new Warning(noChannel ? Kind.NO_CONTACT_POINT : Kind.UNREACHABLE,
                                row.getUUID("crisis_id"), row.getString("role"), row.getString("recipient_subject"),
                                noChannel ? "no e-mail address (profile or contact points)"
                                        : row.getString("last_error")));
                    }
                    return warnings;
                });
    }
}
