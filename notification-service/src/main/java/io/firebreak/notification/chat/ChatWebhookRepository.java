package io.firebreak.notification.chat;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class ChatWebhookRepository implements PanacheRepositoryBase<ChatWebhook, UUID> {

    public Uni<List<ChatWebhook>> all() {
        return listAll(Sort.ascending("team", "kind"));
    }

    public Uni<ChatWebhook> of(String team, ChatRules.Kind kind) {
        return find("team = ?1 and kind = ?2", team, kind).firstResult();
    }
}
