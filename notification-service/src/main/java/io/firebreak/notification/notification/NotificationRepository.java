package io.firebreak.notification.notification;

import io.firebreak.notification.BulkInsert;
import io.firebreak.notification.Chunked;
import io.firebreak.events.CrisisStatus;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

@ApplicationScoped
public class NotificationRepository implements PanacheRepositoryBase<Notification, UUID> {

    private final Pool pool;

    public NotificationRepository(Pool pool) {
        this.pool = pool;
    }

    public Uni<List<Notification>> ofRecipient(String subject, int page, int size) {
        return find("recipientSubject", Sort.descending("createdAt"), subject).page(Page.of(page, size)).list();
    }

    public Uni<List<Notification>> ofCrisis(UUID crisisId) {
        return list("crisisId", Sort.ascending("createdAt"), crisisId);
    }

    /** The notification if {@code subject} is its recipient; nobody else's is ever found. */
    public Uni<Notification> ofRecipient(UUID id, String subject) {
        return find("id = ?1 and recipientSubject = ?2", id, subject).firstResult();
    }

    /** What these people were notified of about these crises in this state (any role). */
    public Uni<List<Notification>> ofCrises(List<UUID> crisisIds, CrisisStatus status, List<String> subjects) {
        return Chunked.list(subjects, chunk -> list("crisisId in ?1 and crisisStatus = ?2 and recipientSubject in ?3",
                crisisIds, status, chunk));
    }

    /** The notifications about these crises' roles that someone acknowledged ("I'm on it"). */
    public Uni<List<Notification>> acknowledged(List<UUID> crisisIds, List<String> roles) {
        return Chunked.list(roles, chunk -> list("crisisId in ?1 and role in ?2 and state = ?3", crisisIds, chunk,
                Notification.State.ACKNOWLEDGED));
    }

    /** A person notified of a crisis state about one role. */
    public record Notified(String subject, String role) {
    }

    /**
     * Which of these people were notified of this crisis state, and about which role. Read in one statement outside
     * the caller's session, without managed entities (a crisis queues thousands at once).
     */
    public Uni<List<Notified>> notifiedOf(UUID crisisId, CrisisStatus status, List<String> subjects) {
        return pool.preparedQuery("""
                        select recipient_subject, role from notification
                        where crisis_id = $1 and crisis_status = $2 and recipient_subject = any($3)""")
                .execute(Tuple.of(crisisId, status.name(), subjects.toArray(String[]::new)))
                .map(rows -> {
                    List<Notified> notified = new ArrayList<>(rows.size());
                    rows.forEach(row -> notified.add(new Notified(row.getString("recipient_subject"),
                            row.getString("role"))));
                    return notified;
                });
    }

    /** New notifications, in the caller's transaction, a few statements for thousands (not managed afterwards). */
    public Uni<Void> insertAll(List<Notification> queued) {
        return BulkInsert.into("notification", queued, notification -> {
            Map<String, Object> row = new HashMap<>();
            row.put("id", notification.getId().toString());
            row.put("crisis_id", notification.getCrisisId().toString());
            row.put("crisis_status", notification.getCrisisStatus().name());
            row.put("recipient_subject", notification.getRecipientSubject());
            row.put("recipient_username", notification.getRecipientUsername());
            row.put("recipient_email", notification.getRecipientEmail());
            row.put("role", notification.getRole());
            row.put("backup", notification.isBackup());
            row.put("channel", notification.getChannel().name());
            row.put("state", notification.getState().name());
            row.put("created_at", notification.getCreatedAt().toString());
            return row;
        });
    }
}
