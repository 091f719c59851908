package io.firebreak.notification.delivery;

import io.firebreak.events.CrisisStatus;
import io.firebreak.events.Severity;
import io.firebreak.notification.BulkInsert;
import io.firebreak.notification.contact.ContactRules.Platform;
import io.firebreak.notification.notification.Notification;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

@ApplicationScoped
public class DeliveryRepository implements PanacheRepositoryBase<Delivery, UUID> {

    private final Pool pool;

    public DeliveryRepository(Pool pool) {
        this.pool = pool;
    }

    /**
     * Claims up to {@code limit} due deliveries for this replica until {@code leaseUntil}, counting the attempt:
     * rows another replica is claiming are skipped, not waited for, so each is taken by exactly one. The same
     * statement reads what the attempts need (notification, crisis, device): one round trip per batch.
     */
    public Uni<List<Attempt>> claimDue(Instant now, Instant leaseUntil, int limit) {
        return pool.withTransaction(connection -> connection.preparedQuery("""
                        with claimed as (
                            update delivery set lease_until = $1, attempts = attempts + 1
                            where id in (select id from delivery
                                         where state = 'QUEUED' and next_attempt_at <= $2
                                           and (lease_until is null or lease_until <= $2)
                                         order by next_attempt_at limit $3
                                         for update skip locked)
                            returning id, notification_id, channel, address, language, attempts, device_id)
                        select c.*, n.crisis_id, n.recipient_subject, n.recipient_username, n.role, n.backup,
                               a.title, a.status, a.severity, d.platform, d.token, d.rejected_reason,
                               d.rejected_at is not null as device_rejected
                        from claimed c
                        join notification n on n.id = c.notification_id
                        left join crisis_alert a on a.crisis_id = n.crisis_id
                        left join push_device d on d.id = c.device_id""")
                .execute(Tuple.of(utc(leaseUntil), utc(now), limit)))
                .map(rows -> {
                    List<Attempt> attempts = new ArrayList<>();
                    for (Row row : rows) {
                        attempts.add(attempt(row));
                    }
                    return attempts;
                });
    }

    private static Attempt attempt(Row row) {
        String title = row.getString("title");
        String platform = row.getString("platform");
        return new Attempt(row.getUUID("id"), row.getUUID("notification_id"),
                Notification.Channel.valueOf(row.getString("channel")), row.getString("address"),
                row.getString("language"), row.getInteger("attempts"), row.getUUID("device_id"),
                row.getUUID("crisis_id"), row.getString("recipient_subject"), row.getString("recipient_username"),
                row.getString("role"), row.getBoolean("backup"), title,
                title == null ? null : CrisisStatus.valueOf(row.getString("status")),
                title == null ? null : Severity.valueOf(row.getString("severity")),
                platform == null ? null : Platform.valueOf(platform), row.getString("token"),
                row.getString("rejected_reason"), Boolean.TRUE.equals(row.getBoolean("device_rejected")));
    }

    /** One attempt's result as it is stored: the delivery's new state, and when it is due again if retried. */
    public record Outcome(UUID deliveryId, Delivery.State state, String provider, String providerMessageId,
                          Instant sentAt, Instant nextAttemptAt, String lastError) {
    }

    /**
     * Every outcome of a batch in one statement, in the caller's transaction: the lease is let go, the attempt's
     * provider, error and state written ({@code nextAttemptAt} only for a retry, {@code sentAt} only when sent).
     */
    public Uni<Void> record(SqlConnection connection, List<Outcome> outcomes) {
        if (outcomes.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        int size = outcomes.size();
        UUID[] ids = new UUID[size];
        String[] states = new String[size];
        String[] providers = new String[size];
        String[] messageIds = new String[size];
        OffsetDateTime[] sentAt = new OffsetDateTime[size];
        OffsetDateTime[] nextAt = new OffsetDateTime[size];
        String[] errors = new String[size];
        for (int i = 0; i < size; i++) {
            Outcome outcome = outcomes.get(i);
            ids[i] = outcome.deliveryId();
            states[i] = outcome.state().name();
            providers[i] = outcome.provider();
            messageIds[i] = outcome.providerMessageId();
            sentAt[i] = outcome.sentAt() == null ? null : utc(outcome.sentAt());
            nextAt[i] = outcome.nextAttemptAt() == null ? null : utc(outcome.nextAttemptAt());
            errors[i] = outcome.lastError();
        }
        return connection.preparedQuery("""
                        update delivery d
                        set state = u.state, provider = u.provider, provider_message_id = u.message_id,
                            sent_at = coalesce(u.sent_at, d.sent_at),
                            next_attempt_at = coalesce(u.next_attempt_at, d.next_attempt_at),
                            last_error = u.last_error, lease_until = null
                        from unnest($1::uuid[], $2::varchar[], $3::varchar[], $4::varchar[], $5::timestamptz[],
                                    $6::timestamptz[], $7::varchar[])
                             as u(id, state, provider, message_id, sent_at, next_attempt_at, last_error)
                        where d.id = u.id""")
                .execute(Tuple.tuple().addValue(ids).addValue(states).addValue(providers).addValue(messageIds)
                        .addValue(sentAt).addValue(nextAt).addValue(errors))
                .replaceWithVoid();
    }

    public Uni<List<Delivery>> ofNotifications(List<UUID> notificationIds) {
        return list("notificationId in ?1", Sort.ascending("createdAt", "channel", "address"), notificationIds);
    }

    public Uni<Delivery> byProviderMessage(String provider, String messageId) {
        return find("provider = ?1 and providerMessageId = ?2", provider, messageId).firstResult();
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    /** New deliveries, in the caller's transaction, a few statements for thousands (not managed afterwards). */
    public Uni<Void> insertAll(List<Delivery> queued) {
        return BulkInsert.into("delivery", queued, delivery -> {
            Map<String, Object> row = new HashMap<>();
            row.put("id", delivery.getId().toString());
            row.put("notification_id", delivery.getNotificationId().toString());
            row.put("channel", delivery.getChannel().name());
            row.put("address", delivery.getAddress());
            row.put("language", delivery.getLanguage());
            row.put("state", delivery.getState().name());
            row.put("attempts", delivery.getAttempts());
            row.put("next_attempt_at", delivery.getNextAttemptAt().toString());
            row.put("created_at", delivery.getCreatedAt().toString());
            row.put("device_id", delivery.getDeviceId() == null ? null : delivery.getDeviceId().toString());
            return row;
        });
    }
}
