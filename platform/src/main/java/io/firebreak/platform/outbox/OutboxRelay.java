package io.firebreak.platform.outbox;

import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.time.Duration;
import java.util.List;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;

/**
 * Sends outbox rows to Kafka, oldest first, and deletes them once the broker acknowledged them.
 *
 * <p>With several replicas, one pass runs at a time across all of them: the pass holds a transaction-scoped
 * PostgreSQL advisory lock, and a replica that cannot take it skips its turn. That keeps each aggregate's
 * events in order on its partition. A crash between the send and the delete re-sends the batch; consumers
 * are idempotent by event id.
 */
@ApplicationScoped
public class OutboxRelay {

    public static final String CHANNEL = "outbox";

    /** Any constant shared by the replicas of one service (each service has its own database). */
    private static final long RELAY_LOCK = 0x6f7574626f78L;

    private final Pool pool;
    private final MutinyEmitter<String> emitter;
    private final OutboxConfig config;

    public OutboxRelay(Pool pool, @Channel(CHANNEL) MutinyEmitter<String> emitter, OutboxConfig config) {
        this.pool = pool;
        this.emitter = emitter;
        this.config = config;
    }

    /** Delayed at start: the outgoing channel is wired a moment after the scheduler begins. */
    @Scheduled(identity = "outbox-relay", every = "${firebreak.outbox.relay-interval:1s}",
            delayed = "${firebreak.outbox.relay-delay:3s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> relayPending() {
        return relayOnce()
                .onFailure().invoke(failure -> Log.warnf("Outbox relay pass failed, will retry: %s", failure.getMessage()))
                .onFailure().recoverWithNull()
                .replaceWithVoid();
    }

    /** One pass; the number of events sent (0 when another replica holds the relay lock). */
    public Uni<Integer> relayOnce() {
        return pass().map(sent -> Math.max(sent, 0));
    }

    /**
     * Relays what was just committed without waiting for the next scheduled pass: when another pass holds the lock
     * (it may have read the outbox before this commit), tries again a few times, {@value #NUDGE_RETRY_MILLIS} ms
     * apart. Best effort, fire and forget: the scheduled relay sends anything this misses.
     */
    public void relaySoon() {
        pass().chain(sent -> sent >= 0 ? Uni.createFrom().item(sent) : Uni.createFrom().failure(new LockBusy()))
                .onFailure(LockBusy.class).retry().withBackOff(Duration.ofMillis(NUDGE_RETRY_MILLIS))
                .atMost(NUDGE_RETRIES)
                .subscribe().with(
                        sent -> Log.debugf("Outbox relayed %d event(s) right after a commit", sent),
                        failure -> Log.debugf("Outbox nudge gave way to the scheduled relay: %s", failure.toString()));
    }

    /** Events sent, or -1 when another pass holds the relay lock. */
    private Uni<Integer> pass() {
        return pool.withTransaction(connection -> connection
                .preparedQuery("select pg_try_advisory_xact_lock($1) as claimed")
                .execute(Tuple.of(RELAY_LOCK))
                .chain(rows -> rows.iterator().next().getBoolean("claimed")
                        ? sendBatch(connection)
                        : Uni.createFrom().item(-1)));
    }

    private static final long NUDGE_RETRY_MILLIS = 40;
    private static final int NUDGE_RETRIES = 10;

    private static final class LockBusy extends RuntimeException {
        LockBusy() {
            super("another pass holds the outbox relay", null, false, false);
        }
    }

    private Uni<Integer> sendBatch(SqlConnection connection) {
        return connection
                .preparedQuery("select id, topic, message_key, payload from outbox_event order by id limit $1")
                .execute(Tuple.of(config.batchSize()))
                .chain(rows -> {
                    List<Long> ids = new ArrayList<>();
                    List<Uni<Void>> sends = new ArrayList<>();
                    for (Row row : rows) {
                        ids.add(row.getLong("id"));
                        sends.add(send(row));
                    }
                    if (ids.isEmpty()) {
                        return Uni.createFrom().item(0);
                    }
                    // Subscribed in order; the idempotent producer keeps that order per partition.
                    return Uni.join().all(sends).andFailFast()
                            .chain(() -> connection.preparedQuery("delete from outbox_event where id = any($1)")
                                    .execute(Tuple.of(ids.toArray(new Long[0]))))
                            .invoke(() -> Log.debugf("Outbox relay sent %d events", ids.size()))
                            .replaceWith(ids.size());
                });
    }

    private Uni<Void> send(Row row) {
        OutgoingKafkaRecordMetadata<String> metadata = OutgoingKafkaRecordMetadata.<String>builder()
                .withTopic(row.getString("topic"))
                .withKey(row.getString("message_key"))
                .build();
        return emitter.sendMessage(Message.of(row.getString("payload")).addMetadata(metadata));
    }
}
