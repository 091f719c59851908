package io.firebreak.notification.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.firebreak.events.Severity;
import io.firebreak.notification.CrisisEvents;
import io.firebreak.notification.Mailboxes;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.vertx.mutiny.pgclient.PgConnection;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/**
 * Replicas tell each other of deliveries they queue, so that each takes its share at once: with the delivery tick
 * an hour apart here, only being told makes this replica attempt a delivery another one queued.
 */
@QuarkusTest
@TestProfile(DeliveryNudgeTest.TickEveryHour.class)
class DeliveryNudgeTest {

    public static class TickEveryHour implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("notification.delivery.interval", "1h");
        }
    }

    @Inject
    Pool pool;

    @Test
    void queuingDeliveriesTellsTheOtherReplicas() throws Exception {
        List<String> told = new CopyOnWriteArrayList<>();
        SqlConnection connection = pool.getConnection().await().indefinitely();
        try {
            PgConnection listener = PgConnection.cast(connection);
            listener.notificationHandler(notification -> told.add(notification.getPayload()));
            listener.query("LISTEN " + DeliveryJobs.CHANNEL).execute().await().indefinitely();

            CrisisEvents.activate(Severity.HIGH, CrisisEvents.holder("olga", "Legal", false));

            // Sent by this replica's own pass, started when it queued the delivery (no tick within the hour).
            assertThat(Mailboxes.awaitMails("olga@firebreak.local", 1, CrisisEvents.WAIT)).hasSize(1);
            await().atMost(CrisisEvents.WAIT).until(() -> !told.isEmpty());
            assertThat(told.get(0)).isNotBlank();
        } finally {
            connection.close().await().indefinitely();
        }
    }

    @Test
    void aDeliveryAnotherReplicaQueuedIsAttemptedAsSoonAsItSaysSo() throws Exception {
        UUID crisisId = CrisisEvents.activate(Severity.HIGH, CrisisEvents.holder("pablo", "Legal", false));
        UUID notificationId = CrisisEvents.notificationOf("pablo", crisisId);
        Mailboxes.awaitMails("pablo@firebreak.local", 1, CrisisEvents.WAIT);

        // What another replica's transaction leaves: one more notification with its e-mail delivery, due now.
        UUID otherNotification = UUID.randomUUID();
        String desk = "pablo-desk@firebreak.local";
        pool.preparedQuery("insert into notification (id, crisis_id, crisis_status, recipient_subject,"
                        + " recipient_username, recipient_email, role, backup, channel, state, created_at)"
                        + " select $1, crisis_id, crisis_status, 'pablo-desk', 'pablo-desk', $2, role, backup, channel,"
                        + " state, created_at from notification where id = $3")
                .execute(Tuple.of(otherNotification, desk, notificationId)).await().indefinitely();
        pool.preparedQuery("insert into delivery (id, notification_id, channel, address, language, state, attempts,"
                        + " next_attempt_at, created_at) select $1, $2, channel, $3, language, 'QUEUED', 0, now(),"
                        + " now() from delivery where notification_id = $4 and channel = 'EMAIL'")
                .execute(Tuple.of(UUID.randomUUID(), otherNotification, desk, notificationId)).await().indefinitely();

        // Not told yet: nothing here looks for it before the next tick, an hour away.
        Thread.sleep(2_000);
        assertThat(Mailboxes.read(desk)).isEmpty();

        pool.preparedQuery("select pg_notify($1, $2)").execute(Tuple.of(DeliveryJobs.CHANNEL, "another-replica"))
                .await().indefinitely();

        assertThat(Mailboxes.awaitMails(desk, 1, Duration.ofSeconds(10)).get(0).to()).containsExactly(desk);
    }
}
