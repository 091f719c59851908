package io.firebreak.playbook.assignment;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class StandingHolderRepository implements PanacheRepositoryBase<StandingHolder, UUID> {

    public Uni<List<StandingHolder>> ofPlaybook(UUID playbookId) {
        return list("playbookId", Sort.ascending("role", "backup"), playbookId);
    }

    public Uni<Boolean> exists(UUID playbookId, String role, String subject) {
        return count("playbookId = ?1 and role = ?2 and subject = ?3", playbookId, role, subject).map(n -> n > 0);
    }
}
