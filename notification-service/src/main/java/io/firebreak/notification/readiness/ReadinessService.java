package io.firebreak.notification.readiness;

import io.firebreak.notification.contact.PushDevice;
import io.firebreak.notification.contact.PushDeviceRepository;
import io.firebreak.notification.escalation.EscalationService;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
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
    private final PushDeviceRepository devices;

    public ReadinessService(Pool pool, EscalationService escalations, PushDeviceRepository devices) {
        this.pool = pool;
        this.escalations = escalations;
        this.devices = devices;
    }

    public enum Kind { NO_CONTACT_POINT, UNREACHABLE, PUSH_TOKEN_REJECTED, STEP_NEVER_FIRES }

    /** One problem; {@code subject} names the person, or is null when the problem is a policy step's. */
    public record Warning(Kind kind, UUID crisisId, String role, String subject, String detail) {
    }

    @WithSession
    public Uni<List<Warning>> warnings() {
        return unreachableHolders().chain(warnings -> devices.rejected().map(rejected -> {
            List<Warning> all = new ArrayList<>(warnings);
            rejected.forEach(device -> all.add(rejectedDevice(device)));
            return all;
        })).chain(warnings -> escalations.emptySteps().map(steps -> {
            List<Warning> all = new ArrayList<>(warnings);
            steps.forEach(step -> all.add(new Warning(Kind.STEP_NEVER_FIRES, step.crisisId(), step.role(), null,
                    "step " + step.step() + " pages the " + step.target() + " of " + step.role()
                    + ", and nobody holds that")));
            return all;
        }));
    }

    /** Its owner must open the app again (which registers a fresh token) or remove it. */
    private static Warning rejectedDevice(PushDevice device) {
        String token = device.getToken();
        return new Warning(Kind.PUSH_TOKEN_REJECTED, null, null, device.getOwnerSubject(),
                device.getPlatform() + " device " + device.getId() + " (token …"
                + token.substring(Math.max(0, token.length() - 6)) + "): " + device.getRejectedReason()
                + " at " + device.getRejectedAt());
    }

    /**
     * Holders of live crises with no channel to reach them, or none that still works: every delivery (e-mail,
     * push to each device) failed for good.
     */
    private Uni<List<Warning>> unreachableHolders() {
        return pool.query("""
                        select n.crisis_id, n.role, n.recipient_subject, count(d.id) as channels,
                               string_agg(d.channel || ': ' || coalesce(d.last_error, ''), '; '
                                          order by d.channel) as errors
                        from notification n
                        join crisis_alert c on c.crisis_id = n.crisis_id
                        left join delivery d on d.notification_id = n.id
                        where c.status = 'ACTIVE' and n.state <> 'ACKNOWLEDGED'
                        group by n.id, n.crisis_id, n.role, n.recipient_subject, n.created_at
                        having count(d.id) filter (where d.state <> 'FAILED') = 0
                        order by n.created_at""")
                .execute()
                .map(rows -> {
                    List<Warning> warnings = new ArrayList<>();
                    for (Row row : rows) {
                        boolean noChannel = row.getLong("channels") == 0;
                        warnings.add(new Warning(noChannel ? Kind.NO_CONTACT_POINT : Kind.UNREACHABLE,
                                row.getUUID("crisis_id"), row.getString("role"), row.getString("recipient_subject"),
                                noChannel ? "no e-mail address (profile or contact points) and no push device"
                                        : row.getString("errors")));
                    }
                    return warnings;
                });
    }
}
