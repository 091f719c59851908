package io.firebreak.notification.subscription;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class SubscriptionRepository implements PanacheRepositoryBase<Subscription, UUID> {

    public Uni<List<Subscription>> ofSubject(String subject) {
        return list("subject", Sort.ascending("topic"), subject);
    }

    public Uni<Subscription> of(String subject, Subscription.Topic topic) {
        return find("subject = ?1 and topic = ?2", subject, topic).firstResult();
    }

    public Uni<List<Subscription>> to(Subscription.Topic topic) {
        return list("topic", topic);
    }
}
