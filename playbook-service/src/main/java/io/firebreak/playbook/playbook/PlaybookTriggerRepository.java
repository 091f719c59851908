package io.firebreak.playbook.playbook;

import io.firebreak.events.Severity;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class PlaybookTriggerRepository implements PanacheRepositoryBase<PlaybookTrigger, UUID> {

    /** Triggers a signal on this watch at this severity meets, the most demanding threshold first. */
    public Uni<List<PlaybookTrigger>> metBy(UUID watchId, Severity severity) {
        return list("watchId = ?1 and severityRank <= ?2", Sort.descending("severityRank"), watchId,
                severity.ordinal());
    }

    public Uni<Long> deleteOf(UUID playbookId) {
        return delete("playbookId", playbookId);
    }
}
