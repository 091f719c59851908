package io.firebreak.notification.notification;

import io.firebreak.notification.Chunked;
import io.firebreak.events.CrisisStatus;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class NotificationRepository implements PanacheRepositoryBase<Notification, UUID> {

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

    public Uni<Notification> find(UUID crisisId, CrisisStatus status, String subject, String role) {
        return find("crisisId = ?1 and crisisStatus = ?2 and recipientSubject = ?3 and role = ?4",
                crisisId, status, subject, role).firstResult();
    }

    /** Whether anyone notified for this crisis role said "I'm on it". */
    public Uni<Boolean> acknowledged(UUID crisisId, String role) {
        return count("crisisId = ?1 and role = ?2 and state = ?3", crisisId, role, Notification.State.ACKNOWLEDGED)
                .map(count -> count > 0);
    }

    /** Everyone already notified of this crisis state. */
    public Uni<List<Notification>> ofCrisisState(UUID crisisId, CrisisStatus status) {
        return list("crisisId = ?1 and crisisStatus = ?2", crisisId, status);
    }

    public Uni<List<Notification>> byIds(List<UUID> ids) {
        return Chunked.list(ids, chunk -> list("id in ?1", chunk));
    }
}
