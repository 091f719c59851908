package io.firebreak.playbook.statement;

import io.firebreak.playbook.playbook.PlaybookDefinition.Phase;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class StatementRepository implements PanacheRepositoryBase<Statement, UUID> {

    public Uni<List<Statement>> ofCrisis(UUID crisisId) {
        return list("crisisId", Sort.ascending("createdAt"), crisisId);
    }

    /** Approved or published statements of a phase: an apology that went (or is going) out. */
    public Uni<Boolean> hasApproved(UUID crisisId, Phase phase) {
        return count("crisisId = ?1 and phase = ?2 and status in ?3", crisisId, phase,
                List.of(Statement.Status.APPROVED, Statement.Status.PUBLISHED)).map(n -> n > 0);
    }
}
