package io.firebreak.notification.subscription;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class SubscriptionAlertRepository implements PanacheRepositoryBase<SubscriptionAlert, UUID> {

    public Uni<List<SubscriptionAlert>> ofSubject(String subject, int page, int size) {
        return find("subject", Sort.descending("createdAt"), subject).page(Page.of(page, size)).list();
    }

    public Uni<List<SubscriptionAlert>> aboutSource(UUID sourceId) {
        return list("sourceId", sourceId);
    }
}
