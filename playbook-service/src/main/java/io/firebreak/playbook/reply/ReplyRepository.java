package io.firebreak.playbook.reply;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class ReplyRepository implements PanacheRepositoryBase<Reply, UUID> {

    public Uni<List<Reply>> ofCrisis(UUID crisisId) {
        return list("crisisId", Sort.ascending("createdAt"), crisisId);
    }

    /** The reply that answers (or is about to answer) a mention: any but a rejected one. */
    public Uni<Reply> liveFor(UUID mentionId) {
        return find("mentionId = ?1 and status <> ?2", mentionId, Reply.Status.REJECTED).firstResult();
    }

    /** Every reply to these mentions, oldest first (so that the last one per mention is the latest). */
    public Uni<List<Reply>> ofMentions(Collection<UUID> mentionIds) {
        if (mentionIds.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return list("mentionId in ?1", Sort.ascending("createdAt"), mentionIds);
    }
}
