package io.firebreak.playbook.playbook;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class LessonRepository implements PanacheRepositoryBase<Lesson, UUID> {

    public Uni<List<Lesson>> ofCrisis(UUID crisisId) {
        return list("crisisId", Sort.ascending("recordedAt"), crisisId);
    }

    /** Lessons not yet addressed by a version of the playbook, oldest first. */
    public Uni<List<Lesson>> openOf(UUID playbookId) {
        return list("playbookId = ?1 and addressedInVersion is null", Sort.ascending("recordedAt"), playbookId);
    }

    public Uni<List<Lesson>> addressedIn(UUID playbookId, int version) {
        return list("playbookId = ?1 and addressedInVersion = ?2", Sort.ascending("recordedAt"), playbookId, version);
    }
}
