package io.firebreak.publishing.publication;

import com.sun.net.httpserver.HttpServer;
import io.firebreak.devstack.Ports;
import io.firebreak.devstack.PostgresServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Array;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.flywaydb.core.Flyway;

/**
 * Dispatcher benchmark: N publications due within the same minute, two dispatcher instances claiming from the same
 * real PostgreSQL (the service's Flyway schema) with the service's own claim statement
 * ({@link PublicationRepository#LOCK_DUE}), against a local platform emulator that records every post it receives.
 * Each instance runs the dispatcher's pass as the service does: on a scheduler tick (skipped while a pass runs),
 * one transaction locks the rows due by now plus the lookahead, claims those already due with a lease (state, lease,
 * transition row, outbox row) and reserves the others (lease only); the claimed posts go out concurrently outside
 * any transaction, and each reserved one is claimed at its due time on a timer ({@link PublicationRepository#LOCK_RESERVED},
 * a transaction of its own) and sent then; the outcomes are recorded where the claim still stands.
 * Prints lateness (when the platform received the post minus its due time: p50, p99, max), posts received EARLY
 * (before their due time; must be 0), duplicates (publications the platform received more than once) and lost ones;
 * then again with one instance killed halfway, mid-pass after sending half its batch: its claims and reservations
 * expire and the other takes them over, re-sending with the same Idempotency-Key. {@code lookaheadMs=0} measures the
 * dispatcher without the lookahead.
 *
 * <pre>
 * java -cp publishing-service/target/test-classes:publishing-service/target/classes:$(cat /tmp/publishing-cp.txt) \
 *   io.firebreak.publishing.publication.DispatcherBenchmark [count=10000] [batch=250] [intervalMs=1000] [leaseS=60] \
 *   [lookaheadMs=2000]
 * </pre>
 */
public final class DispatcherBenchmark {

    private static final PrintStream OUT = System.out;
    private static final String DB = "benchmark";

    private final Map<String, String> settings;
    private final int count;
    private final int batch;
    private final Duration interval;
    private final Duration lease;
    private final Duration lookahead;

    private DispatcherBenchmark(Map<String, String> settings) {
        this.settings = settings;
        this.count = Integer.parseInt(settings.getOrDefault("count", "10000"));
        this.batch = Integer.parseInt(settings.getOrDefault("batch", "250"));
        this.interval = Duration.ofMillis(Long.parseLong(settings.getOrDefault("intervalMs", "1000")));
        this.lease = Duration.ofSeconds(Long.parseLong(settings.getOrDefault("leaseS", "60")));
        this.lookahead = Duration.ofMillis(Long.parseLong(settings.getOrDefault("lookaheadMs", "2000")));
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> settings = new HashMap<>();
        for (String arg : args) {
            String[] pair = arg.split("=", 2);
            settings.put(pair[0], pair[1]);
        }
        Path base = Files.createTempDirectory("publishing-benchmark");
        PostgresServer postgres = PostgresServer.start(base.resolve("postgres"),
                Path.of(System.getProperty("java.io.tmpdir"), "postgres-binaries"), Ports.free(),
                base.resolve("postgres.log"), false);
        Emulator emulator = new Emulator();
        try {
            postgres.createDatabases(List.of(DB));
            String url = postgres.jdbcUrl(DB);
            Flyway.configure().dataSource(url, DB, DB).locations("classpath:db/platform", "classpath:db/migration")
                    .load().migrate();
            DispatcherBenchmark benchmark = new DispatcherBenchmark(settings);
            OUT.printf("%d publications due within one minute, 2 dispatcher instances, batch %d, tick %d ms, lease %d s,"
                            + " lookahead %d ms%n", benchmark.count, benchmark.batch, benchmark.interval.toMillis(),
                    benchmark.lease.toSeconds(), benchmark.lookahead.toMillis());
            benchmark.run(url, emulator, false);
            benchmark.run(url, emulator, true);
        } finally {
            emulator.stop();
            postgres.stop();
            try (var files = Files.walk(base)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        }
        System.exit(0); // the HTTP client and emulator pools are not daemon threads
    }

    private void run(String url, Emulator emulator, boolean killOneHalfway) throws Exception {
        emulator.reset();
        UUID channel = UUID.randomUUID();
        Instant firstDue = Instant.now().plusSeconds(10);
        Map<UUID, Instant> scheduled = new HashMap<>();
        try (Connection connection = connect(url)) {
            seed(connection, channel, emulator.url(), firstDue, scheduled);
        }
        AtomicInteger sent = new AtomicInteger();
        AtomicBoolean done = new AtomicBoolean();
        Instance a = new Instance("replica-a", url, emulator, sent, done, -1);
        Instance b = new Instance("replica-b", url, emulator, sent, done, killOneHalfway ? count / 2 : -1);
        Thread ta = new Thread(a, "dispatcher-a");
        Thread tb = new Thread(b, "dispatcher-b");
        ta.start();
        tb.start();
        Instant deadline = firstDue.plus(Duration.ofMinutes(1)).plus(lease).plus(Duration.ofMinutes(3));
        while (Instant.now().isBefore(deadline) && published(url, channel) < count) {
            Thread.sleep(500);
        }
        done.set(true);
        ta.join();
        tb.join();

        List<Long> lateness = new ArrayList<>();
        int duplicates = 0;
        int lost = 0;
        int early = 0;
        for (Map.Entry<UUID, Instant> publication : scheduled.entrySet()) {
            List<Instant> received = emulator.received(publication.getKey().toString());
            if (received.isEmpty()) {
                lost++;
                continue;
            }
            duplicates += received.size() > 1 ? 1 : 0;
            early += received.get(0).isBefore(publication.getValue()) ? 1 : 0;
            lateness.add(Duration.between(publication.getValue(), received.get(0)).toMillis());
        }
        lateness.sort(Long::compare);
        OUT.printf("%n%s%n", killOneHalfway ? "One instance killed halfway (mid-pass, half its batch sent):"
                : "Both instances throughout:");
        OUT.printf("  published %d of %d; lost (never received) %d; not PUBLISHED in the database %d%n",
                count - lost, count, lost, count - published(url, channel));
        OUT.printf("  lateness (received minus due time): p50 %d ms, p99 %d ms, max %d ms; received early: %d%n",
                percentile(lateness, 50), percentile(lateness, 99),
                lateness.isEmpty() ? 0 : lateness.get(lateness.size() - 1), early);
        OUT.printf("  publications the platform received more than once: %d (re-sent with the same Idempotency-Key,"
                + " so a Mastodon-like platform shows each once)%n", duplicates);
        OUT.printf("  passes: %s %d (%d reserved, %d claimed at their due time), %s %d (%d reserved, %d claimed at"
                        + " their due time)%s%n", a.name, a.passes, a.reservedTotal, a.claimedOnTime.get(), b.name,
                b.passes, b.reservedTotal, b.claimedOnTime.get(),
                killOneHalfway ? "; " + b.name + " killed after " + b.claimedTotal + " claims and " + b.reservedTotal
                        + " reservations, " + (b.orphaned + b.inFlightWhenKilled.get())
                        + " claims left with an unexpired lease" : "");
    }

    private void seed(Connection connection, UUID channel, String emulatorUrl, Instant firstDue,
                      Map<UUID, Instant> scheduled) throws SQLException {
        connection.setAutoCommit(false);
        Timestamp now = Timestamp.from(Instant.now());
        try (PreparedStatement insert = connection.prepareStatement("""
                insert into channel (id, name, platform, base_url, status, created_by, created_at, updated_by, updated_at)
                values (?, 'emulator', 'MASTODON', ?, 'ACTIVE', 'benchmark', ?, 'benchmark', ?)""")) {
            insert.setObject(1, channel);
            insert.setString(2, emulatorUrl);
            insert.setTimestamp(3, now);
            insert.setTimestamp(4, now);
            insert.executeUpdate();
        }
        try (PreparedStatement insert = connection.prepareStatement("""
                insert into publication (id, channel_id, platform, text, allow_thread, drill, state, scheduled_at,
                    due_at, created_by, created_at, updated_by, updated_at)
                values (?, ?, 'MASTODON', ?, false, false, 'SCHEDULED', ?, ?, 'benchmark', ?, 'benchmark', ?)""")) {
            for (int i = 0; i < count; i++) {
                UUID id = UUID.randomUUID();
                Instant at = firstDue.plusMillis(ThreadLocalRandom.current().nextLong(60_000));
                scheduled.put(id, at);
                insert.setObject(1, id);
                insert.setObject(2, channel);
                insert.setString(3, "Statement " + i + ": we are aware of the outage and working on it.");
                insert.setTimestamp(4, Timestamp.from(at));
                insert.setTimestamp(5, Timestamp.from(at));
                insert.setTimestamp(6, now);
                insert.setTimestamp(7, now);
                insert.addBatch();
            }
            insert.executeBatch();
        }
        connection.commit();
    }

    private static int published(String url, UUID channel) throws SQLException {
        try (Connection connection = connect(url); PreparedStatement query = connection.prepareStatement(
                "select count(*) from publication where state = 'PUBLISHED' and channel_id = ?")) {
            query.setObject(1, channel);
            try (ResultSet rows = query.executeQuery()) {
                rows.next();
                return rows.getInt(1);
            }
        }
    }

    private static long percentile(List<Long> sorted, int percent) {
        if (sorted.isEmpty()) {
            return 0;
        }
        int index = (int) Math.ceil(percent / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(index, sorted.size() - 1)));
    }

    private static Connection connect(String url) throws SQLException {
        return DriverManager.getConnection(url, DB, DB);
    }

    /** A statement of the service, with its numbered parameters ({@code ?1}, {@code ?2} ...) bound in JDBC order. */
    private static PreparedStatement prepare(Connection connection, String sql, Object... values) throws SQLException {
        Matcher parameter = Pattern.compile("\\?(\\d)").matcher(sql);
        List<Integer> order = new ArrayList<>();
        while (parameter.find()) {
            order.add(Integer.parseInt(parameter.group(1)));
        }
        PreparedStatement statement = connection.prepareStatement(parameter.replaceAll("?"));
        for (int i = 0; i < order.size(); i++) {
            Object value = values[order.get(i) - 1];
            statement.setObject(i + 1, value instanceof Instant instant ? Timestamp.from(instant) : value);
        }
        return statement;
    }

    /** One dispatcher replica: its passes, as PublicationDispatcher runs them. */
    private final class Instance implements Runnable {

        private final String name;
        private final String url;
        private final Emulator emulator;
        private final AtomicInteger sent;
        private final AtomicBoolean done;
        private final int killAfterSent;
        private final HttpClient http = HttpClient.newBuilder().executor(Executors.newFixedThreadPool(8))
                .connectTimeout(Duration.ofSeconds(10)).build();
        /** The timers of reserved publications, and the reactive pool's connections their claims take. */
        private final ScheduledExecutorService timers = Executors.newScheduledThreadPool(16);
        private final BlockingQueue<Connection> pool = new LinkedBlockingQueue<>();
        private final AtomicBoolean killed = new AtomicBoolean();
        private final AtomicInteger claimedOnTime = new AtomicInteger();
        private int passes;
        private int claimedTotal;
        private int reservedTotal;
        private int orphaned;
        /** Claimed at their due time and sent, or being sent, when the instance was killed: nothing recorded. */
        private final AtomicInteger inFlightWhenKilled = new AtomicInteger();

        Instance(String name, String url, Emulator emulator, AtomicInteger sent, AtomicBoolean done, int killAfterSent) {
            this.name = name;
            this.url = url;
            this.emulator = emulator;
            this.sent = sent;
            this.done = done;
            this.killAfterSent = killAfterSent;
        }

        @Override
        public void run() {
            long start = System.nanoTime();
            long tick = interval.toNanos();
            try (Connection connection = connect(url)) {
                for (int i = 0; i < 16; i++) {
                    Connection pooled = connect(url);
                    pooled.setAutoCommit(false);
                    pool.add(pooled);
                }
                connection.setAutoCommit(false);
                while (!done.get()) {
                    Map<UUID, String> claims = new HashMap<>();
                    Map<UUID, Instant> reserved = new HashMap<>();
                    claim(connection, claims, reserved);
                    passes++;
                    claimedTotal += claims.size();
                    reservedTotal += reserved.size();
                    if (killAfterSent >= 0 && sent.get() >= killAfterSent && claims.size() + reserved.size() > 0) {
                        // Killed mid-pass: half the batch reached the platform, nothing was recorded, and the
                        // timers of its reservations die with it.
                        killed.set(true);
                        timers.shutdownNow();
                        List<UUID> ids = new ArrayList<>(claims.keySet());
                        sendAll(ids.subList(0, ids.size() / 2));
                        orphaned = claims.size();
                        return;
                    }
                    reserved.forEach((id, due) -> at(due, () -> claimAtDueTime(id)));
                    List<UUID> ok = sendAll(new ArrayList<>(claims.keySet()));
                    record(connection, ok);
                    long elapsed = System.nanoTime() - start;
                    long nextTick = (elapsed / tick + 1) * tick;
                    Thread.sleep(Math.max(0, (nextTick - elapsed) / 1_000_000));
                }
            } catch (SQLException | InterruptedException e) {
                throw new IllegalStateException(name + " failed", e);
            } finally {
                timers.shutdownNow();
                pool.forEach(pooled -> {
                    try {
                        pooled.close();
                    } catch (SQLException ignored) {
                        // closing at the end of the run
                    }
                });
            }
        }

        /** Locks due rows with the service's statement: claims what is due now, reserves what falls due soon. */
        private void claim(Connection connection, Map<UUID, String> claims, Map<UUID, Instant> reserved)
                throws SQLException {
            Instant now = Instant.now();
            try (PreparedStatement lock = prepare(connection, PublicationRepository.LOCK_DUE, now,
                    now.plus(lookahead), batch); ResultSet rows = lock.executeQuery()) {
                while (rows.next()) {
                    UUID id = rows.getObject("id", UUID.class);
                    String state = rows.getString("state");
                    Instant due = rows.getTimestamp("due_at").toInstant();
                    if (due.isAfter(now) && (state.equals("SCHEDULED") || state.equals("RETRYING"))) {
                        reserved.put(id, due);
                    } else {
                        claims.put(id, state);
                    }
                }
            }
            if (!reserved.isEmpty()) {
                try (PreparedStatement reserve = connection.prepareStatement(
                        "update publication set lease_owner = ?, lease_until = ? where id = ?")) {
                    for (Map.Entry<UUID, Instant> row : reserved.entrySet()) {
                        reserve.setString(1, name);
                        reserve.setTimestamp(2, Timestamp.from(row.getValue().plus(lookahead)));
                        reserve.setObject(3, row.getKey());
                        reserve.addBatch();
                    }
                    reserve.executeBatch();
                }
            }
            if (!claims.isEmpty()) {
                markPublishing(connection, claims, now);
            }
            connection.commit();
        }

        private void markPublishing(Connection connection, Map<UUID, String> claims, Instant now) throws SQLException {
            try (PreparedStatement update = connection.prepareStatement("""
                    update publication set state = 'PUBLISHING', attempts = attempts + 1, lease_owner = ?,
                        lease_until = ?, updated_by = ?, updated_at = ? where id = any (?)""")) {
                update.setString(1, name);
                update.setTimestamp(2, Timestamp.from(now.plus(lease)));
                update.setString(3, name);
                update.setTimestamp(4, Timestamp.from(now));
                update.setArray(5, ids(connection, claims.keySet()));
                update.executeUpdate();
            }
            changes(connection, claims, "PUBLISHING", now);
        }

        /** Runs {@code work} once the clock reached {@code due}, never before (a timer firing early is set again). */
        private void at(Instant due, Runnable work) {
            long nanos = Duration.between(Instant.now(), due).toNanos();
            if (nanos <= 0) {
                work.run();
                return;
            }
            try {
                timers.schedule(() -> at(due, work), nanos, TimeUnit.NANOSECONDS);
            } catch (java.util.concurrent.RejectedExecutionException killedMeanwhile) {
                // the instance died: its reservation expires and another instance takes it over
            }
        }

        /**
         * As PublicationService.claimReserved, then the send and its outcome: a transaction each, on a pooled
         * connection that is not held during the send (the service's reactive pool is not either).
         */
        private void claimAtDueTime(UUID id) {
            if (killed.get()) {
                return;
            }
            try {
                if (!inTransaction(connection -> {
                    String state = null;
                    try (PreparedStatement lock = prepare(connection, PublicationRepository.LOCK_RESERVED, id, name);
                         ResultSet rows = lock.executeQuery()) {
                        if (rows.next()) {
                            state = rows.getString("state");
                        }
                    }
                    if (state != null) {
                        markPublishing(connection, Map.of(id, state), Instant.now());
                    }
                    return state != null; // null: taken over meanwhile
                })) {
                    return;
                }
                claimedOnTime.incrementAndGet();
                List<UUID> ok = sendAll(List.of(id));
                if (killed.get()) {
                    inFlightWhenKilled.incrementAndGet();
                    return;
                }
                inTransaction(connection -> {
                    record(connection, ok);
                    return true;
                });
            } catch (SQLException | InterruptedException e) {
                OUT.printf("  %s: claim of %s at its due time failed: %s%n", name, id, e);
            }
        }

        private interface Work {
            boolean run(Connection connection) throws SQLException;
        }

        private boolean inTransaction(Work work) throws SQLException, InterruptedException {
            Connection connection = pool.take();
            try {
                boolean result = work.run(connection);
                connection.commit();
                return result;
            } catch (SQLException e) {
                connection.rollback();
                throw e;
            } finally {
                pool.add(connection);
            }
        }

        private List<UUID> sendAll(List<UUID> ids) {
            List<CompletableFuture<UUID>> calls = ids.stream().map(id -> http.sendAsync(HttpRequest.newBuilder(
                                    URI.create(emulator.url() + "/api/v1/statuses"))
                            .header("Authorization", "Bearer benchmark").header("Idempotency-Key", id.toString())
                            .header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString("{\"status\":\"" + id + "\"}"))
                            .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString())
                    .thenApply(response -> response.statusCode() == 200 ? id : null)
                    .exceptionally(failure -> null)).toList();
            List<UUID> ok = new ArrayList<>();
            for (CompletableFuture<UUID> call : calls) {
                UUID id = call.join();
                if (id != null) {
                    ok.add(id);
                }
            }
            sent.addAndGet(ok.size());
            return ok;
        }

        /** Outcomes count only where this replica's claim still stands, as in PublicationService.recordOutcome. */
        private void record(Connection connection, List<UUID> ok) throws SQLException {
            if (ok.isEmpty()) {
                return;
            }
            Instant now = Instant.now();
            Map<UUID, String> recorded = new HashMap<>();
            try (PreparedStatement update = connection.prepareStatement("""
                    update publication set state = 'PUBLISHED', external_id = id::text, lease_owner = null,
                        lease_until = null, updated_by = ?, updated_at = ?
                    where id = any (?) and state = 'PUBLISHING' and lease_owner = ? returning id""")) {
                update.setString(1, name);
                update.setTimestamp(2, Timestamp.from(now));
                update.setArray(3, ids(connection, ok));
                update.setString(4, name);
                try (ResultSet rows = update.executeQuery()) {
                    while (rows.next()) {
                        recorded.put(rows.getObject(1, UUID.class), "PUBLISHING");
                    }
                }
            }
            changes(connection, recorded, "PUBLISHED", now);
            connection.commit();
        }

        /** The transition row and the outbox row the service writes with every state change. */
        private void changes(Connection connection, Map<UUID, String> from, String to, Instant at) throws SQLException {
            try (PreparedStatement transition = connection.prepareStatement("""
                    insert into publication_transition (publication_id, from_state, to_state, actor, reason, at)
                    values (?, ?, ?, ?, 'benchmark', ?)""");
                 PreparedStatement outbox = connection.prepareStatement("""
                         insert into outbox_event (event_id, topic, message_key, payload) values (?, ?, ?, ?)""")) {
                for (Map.Entry<UUID, String> change : from.entrySet()) {
                    transition.setObject(1, change.getKey());
                    transition.setString(2, change.getValue());
                    transition.setString(3, to);
                    transition.setString(4, name);
                    transition.setTimestamp(5, Timestamp.from(at));
                    transition.addBatch();
                    outbox.setObject(1, UUID.randomUUID());
                    outbox.setString(2, "publishing.publications.v1");
                    outbox.setString(3, change.getKey().toString());
                    outbox.setString(4, "{\"publicationId\":\"" + change.getKey() + "\",\"state\":\"" + to + "\"}");
                    outbox.addBatch();
                }
                transition.executeBatch();
                outbox.executeBatch();
            }
        }

        private Array ids(Connection connection, java.util.Collection<UUID> ids) throws SQLException {
            return connection.createArrayOf("uuid", ids.toArray());
        }
    }

    /** A Mastodon-like platform that records when each post (by Idempotency-Key) arrived, every time it did. */
    private static final class Emulator {

        private final HttpServer server;
        private final Map<String, List<Instant>> received = new ConcurrentHashMap<>();

        Emulator() throws IOException {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 512);
            server.setExecutor(Executors.newFixedThreadPool(8));
            server.createContext("/api/v1/statuses", exchange -> {
                Instant at = Instant.now();
                String key = exchange.getRequestHeaders().getFirst("Idempotency-Key");
                exchange.getRequestBody().readAllBytes();
                if (key == null || !"POST".equals(exchange.getRequestMethod())) {
                    exchange.sendResponseHeaders(422, -1);
                    exchange.close();
                    return;
                }
                received.computeIfAbsent(key, k -> java.util.Collections.synchronizedList(new ArrayList<>())).add(at);
                byte[] body = ("{\"id\":\"" + key + "\",\"url\":\"https://emulator/@brand/" + key + "\"}")
                        .getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, body.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            });
            server.start();
        }

        String url() {
            return "http://127.0.0.1:" + server.getAddress().getPort();
        }

        List<Instant> received(String key) {
            List<Instant> times = received.getOrDefault(key, List.of());
            synchronized (times) {
                return times.stream().sorted().toList();
            }
        }

        void reset() {
            received.clear();
        }

        void stop() {
            server.stop(0);
        }
    }
}
