package io.firebreak.playbook.assignment;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class AssignmentTaskRepository implements PanacheRepositoryBase<AssignmentTask, UUID> {

    public Uni<List<AssignmentTask>> ofCrisis(UUID crisisId) {
        return list("crisisId", Sort.ascending("assignmentId", "position"), crisisId);
    }

    public Uni<List<AssignmentTask>> ofAssignments(List<UUID> assignmentIds) {
        if (assignmentIds.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return list("assignmentId in ?1", Sort.ascending("assignmentId", "position"), assignmentIds);
    }

    public Uni<Long> deleteOf(UUID assignmentId) {
        return delete("assignmentId", assignmentId);
    }
}
