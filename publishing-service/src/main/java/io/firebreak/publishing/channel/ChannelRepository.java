package io.firebreak.publishing.channel;

import io.firebreak.publishing.rules.Platform;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class ChannelRepository implements PanacheRepositoryBase<Channel, UUID> {

    public Uni<List<Channel>> byName() {
        return listAll(Sort.ascending("name"));
    }

    public Uni<List<Channel>> byIds(List<UUID> ids) {
        return list("id in ?1", ids);
    }

    public Uni<Channel> firstSandbox() {
        return find("platform = ?1", Sort.ascending("createdAt"), Platform.SANDBOX).firstResult();
    }
}
