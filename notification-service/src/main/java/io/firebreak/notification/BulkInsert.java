package io.firebreak.notification;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Inserts many rows in the caller's transaction, a few thousand per statement, instead of persisting an entity
 * each: a crisis notifies thousands of people at once, and the session's per-entity bookkeeping cost more than the
 * statements. The rows travel as one JSON parameter that PostgreSQL turns into the table's rows
 * ({@code json_populate_recordset}): binding thousands of separate parameters costs the session more than the
 * insert itself. The columns written are the first row's keys (every row has the same); the others take their
 * defaults. The rows are not managed by the session.
 */
public final class BulkInsert {

    private static final int ROWS_PER_STATEMENT = 5_000;
    private static final ObjectMapper JSON = new ObjectMapper();

    private BulkInsert() {
    }

    /**
     * One row of {@code table} per item: column name to value (strings, numbers, booleans, null; UUIDs and
     * instants as their ISO text), the same columns for every item, after what the session holds is flushed (the
     * rows may refer to an entity persisted just before).
     */
    public static <T> Uni<Void> into(String table, List<T> items, Function<T, Map<String, Object>> row) {
        if (items.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        Uni<Void> chain = Panache.getSession().chain(session -> session.flush());
        for (int from = 0; from < items.size(); from += ROWS_PER_STATEMENT) {
            List<T> rows = items.subList(from, Math.min(from + ROWS_PER_STATEMENT, items.size()));
            // Bound as text and cast: a string bound to a json parameter would arrive as one JSON string.
            chain = chain.chain(() -> {
                List<Map<String, Object>> values = rows.stream().map(row).toList();
                String columns = String.join(", ", values.get(0).keySet());
                return Panache.getSession().chain(session -> session
                        .createNativeQuery("insert into " + table + " (" + columns + ") select " + columns
                                + " from json_populate_recordset(cast(null as " + table
                                + "), cast(cast(?1 as text) as json))")
                        .setParameter(1, json(values))
                        .executeUpdate()).replaceWithVoid();
            });
        }
        return chain;
    }

    private static String json(List<Map<String, Object>> rows) {
        try {
            return JSON.writeValueAsString(rows);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("rows to insert are not serialisable", e);
        }
    }
}
