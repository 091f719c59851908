package io.firebreak.notification.notification;

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

    public Uni<Boolean> exists(UUID crisisId, CrisisStatus status, String subject, String role) {
        return count("crisisId = ?1 and crisisStatus = ?2 and recipientSubject = ?3 and role = ?4",
                crisisId, status, subject, role).map(count -> count > 0);
    }
}
