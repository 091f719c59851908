package io.firebreak.playbook.assignment;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class RoleAssignmentRepository implements PanacheRepositoryBase<RoleAssignment, UUID> {

    public Uni<List<RoleAssignment>> ofCrisis(UUID crisisId) {
        return list("crisisId", Sort.ascending("role", "backup", "assignedAt"), crisisId);
    }

    public Uni<List<RoleAssignment>> ofSubject(String subject) {
        return list("subject", Sort.descending("assignedAt"), subject);
    }

    public Uni<Boolean> exists(UUID crisisId, String role, String subject) {
        return count("crisisId = ?1 and role = ?2 and subject = ?3", crisisId, role, subject).map(n -> n > 0);
    }
}
