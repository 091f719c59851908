package io.firebreak.playbook.playbook;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

@ApplicationScoped
public class PlaybookVersionRepository implements PanacheRepositoryBase<PlaybookVersion, UUID> {

    public Uni<PlaybookVersion> find(UUID playbookId, int number) {
        return find("playbookId = ?1 and number = ?2", playbookId, number).firstResult();
    }
}
