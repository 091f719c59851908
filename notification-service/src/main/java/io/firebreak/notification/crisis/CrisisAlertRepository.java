package io.firebreak.notification.crisis;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class CrisisAlertRepository implements PanacheRepositoryBase<CrisisAlert, UUID> {

    public Uni<List<CrisisAlert>> byIds(List<UUID> crisisIds) {
        return list("crisisId in ?1", crisisIds);
    }
}
