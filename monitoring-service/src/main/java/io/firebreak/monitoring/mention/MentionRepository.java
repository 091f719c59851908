package io.firebreak.monitoring.mention;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

@ApplicationScoped
public class MentionRepository implements PanacheRepositoryBase<Mention, UUID> {

    /**
     * A page of a watch's mentions, most urgent first: walks the {@code mention_watch_priority} index in order, so a
     * page costs the same with a hundred mentions or a million.
     */
    public Uni<List<Mention>> prioritised(MentionFilter filter, int page, int size) {
        StringBuilder sql = new StringBuilder("""
                select m.* from mention_watch w join mention m on m.id = w.mention_id
                where w.watch_id = :watch""");
        Map<String, Object> parameters = new LinkedHashMap<>();
        parameters.put("watch", filter.watchId());
        condition(sql, parameters, "w.published_at >= :since", "since", filter.since());
        condition(sql, parameters, "w.published_at < :until", "until", filter.until());
        condition(sql, parameters, "m.source = :source", "source", filter.source());
        condition(sql, parameters, "m.language = :language", "language", filter.language());
        condition(sql, parameters, "m.sentiment_label = :sentiment", "sentiment", filter.sentiment());
        condition(sql, parameters, "m.author = :author", "author", filter.author());
        sql.append("""

                order by w.priority_rank desc, w.published_at desc, w.mention_id
                limit :limit offset :offset""");
        parameters.put("limit", size);
        parameters.put("offset", (long) page * size);
        return getSession().chain(session -> {
            var query = session.createNativeQuery(sql.toString(), Mention.class);
            parameters.forEach(query::setParameter);
            return query.getResultList();
        });
    }

    private static void condition(StringBuilder sql, Map<String, Object> parameters, String condition, String name,
                                  Object value) {
        if (value != null) {
            sql.append(" and ").append(condition);
            parameters.put(name, value);
        }
    }

    /**
     * The posts driving a watch's surge: received in the window, negative first, then by reach plus engagement
     * (how many people saw or answered them).
     */
    public Uni<List<UUID>> driving(UUID watchId, Instant from, Instant to, int limit) {
        return getSession().chain(session -> session.createNativeQuery("""
                        select id from mention
                        where received_at >= ?1 and received_at < ?2 and watch_ids like ?3
                        order by (sentiment_label = 'negative') desc,
                                 coalesce(reach, 0) + coalesce(engagement, 0) desc, received_at
                        limit ?4""", UUID.class)
                .setParameter(1, from)
                .setParameter(2, to)
                .setParameter(3, "%" + watchId + "%")
                .setParameter(4, limit)
                .getResultList());
    }

    public Uni<List<Mention>> byIds(Collection<UUID> ids) {
        return ids.isEmpty() ? Uni.createFrom().item(List.of()) : list("id in ?1", ids);
    }

    /**
     * Deletes the mentions published before {@code limit} and their inbox rows (no foreign key cascades them: found
     * through the priority index, by each of the mention's watches and the priority rank it carries, V9). The caller
     * holds the transaction.
     */
    public Uni<Long> deletePublishedBefore(Instant limit) {
        return getSession().chain(session -> session.createNativeQuery("""
                        delete from mention_watch w
                        using (select m.id, m.published_at, m.priority_rank,
                                      cast(unnest(string_to_array(nullif(m.watch_ids, ''), ',')) as uuid) as watch_id
                               from mention m where m.published_at < ?1) expired
                        where w.watch_id = expired.watch_id and w.priority_rank = expired.priority_rank
                          and w.published_at = expired.published_at and w.mention_id = expired.id""")
                        .setParameter(1, limit)
                        .executeUpdate())
                .chain(() -> delete("publishedAt < ?1", limit));
    }
}
