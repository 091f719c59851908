package io.firebreak.notification;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.firebreak.devstack.FirebreakService;
import io.firebreak.devstack.Folders;
import io.firebreak.devstack.KafkaBroker;
import io.firebreak.devstack.Ports;
import io.firebreak.devstack.PostgresServer;
import io.firebreak.events.Assignment;
import io.firebreak.events.CloudEvent;
import io.firebreak.events.CrisisChanged;
import io.firebreak.events.CrisisStatus;
import io.firebreak.events.EventJson;
import io.firebreak.events.EventTypes;
import io.firebreak.events.Severity;
import io.firebreak.events.Topics;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
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
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.GroupState;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Fan-out and escalation benchmark of the packaged service ({@code target/quarkus-app}: run {@code ./mvnw -B install
 * -pl notification-service} first) in one or more JVMs of its own, against a real PostgreSQL and Kafka (dev-stack),
 * a minimal real SMTP server ({@link SmtpSink}) and a lean FCM stand-in ({@link FcmSink}) that enforces the FCM
 * HTTP v1 contract (OAuth token bought with an RS256-signed assertion, messages:send with that token). Both stand
 * for providers that run elsewhere in production; GreenMail and the tests' WireMock took more CPU under this load
 * than the service itself, so they are used by the tests only. Prints:
 * <ol>
 *   <li>fan-out: one {@code playbook.crises.v1} activation with N role holders, each with an e-mail address and an
 *   Android device: the time from the event to the last first attempt SENT, per delivery and per recipient (p50,
 *   p99, max), retries, and what the SMTP server and FCM received (lost, duplicates);</li>
 *   <li>escalation: M running escalations whose next step (page the backup) falls due at random over a window:
 *   lateness of each step's firing after its deadline (p50, p99, max, and the earliest, which must not be
 *   negative), steps fired twice (a second mail or push to the backup) and steps never fired.</li>
 * </ol>
 * Run from the repository root:
 * <pre>
 * ./mvnw -B -o -q install -pl notification-service -DskipTests
 * ./mvnw -B -o -q dependency:build-classpath -Dmdep.outputFile=target/bench.cp -Dmdep.includeScope=test \
 *   -pl notification-service
 * java -cp "$(cat notification-service/target/bench.cp):notification-service/target/test-classes" \
 *   io.firebreak.notification.FanOutBenchmark [recipients=10000] [escalations=10000] [windowS=60] [replicas=2] \
 *   [warmup=0]
 * </pre>
 */
public final class FanOutBenchmark {

    private static final PrintStream OUT = System.out;
    private static final ObjectMapper JSON = EventJson.newMapper();
    private static final String DB = "notification";
    /** The replicas' consumer group (mp.messaging.incoming.crises.group.id). */
    private static final String GROUP = "notification-service";

    private final int recipients;
    private final int warmup;
    private final int escalations;
    private final Duration window;
    private final int replicas;
    private final String url;
    private final SmtpSink mail;
    private final FcmSink fcm;
    private final List<Process> services;
    /**
     * The one connection the benchmark's polls use: a new one each time (every 20 ms until the first holders are
     * queued) made PostgreSQL start a backend and check a SCRAM password each time, on the cores it measures.
     */
    private final Connection polling;

    private FanOutBenchmark(Map<String, String> settings, String url, SmtpSink mail, FcmSink fcm,
                            List<Process> services) throws SQLException {
        this.recipients = Integer.parseInt(settings.getOrDefault("recipients", "10000"));
        this.warmup = Integer.parseInt(settings.getOrDefault("warmup", "0"));
        this.escalations = Integer.parseInt(settings.getOrDefault("escalations", "10000"));
        this.window = Duration.ofSeconds(Long.parseLong(settings.getOrDefault("windowS", "60")));
        this.replicas = Integer.parseInt(settings.getOrDefault("replicas", "2"));
        this.url = url;
        this.mail = mail;
        this.fcm = fcm;
        this.services = services;
        this.polling = connect();
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> settings = new HashMap<>();
        for (String arg : args) {
            String[] pair = arg.split("=", 2);
            settings.put(pair[0], pair[1]);
        }
        Path base = Path.of("notification-service/target/bench-" + ProcessHandle.current().pid()).toAbsolutePath();
        Files.createDirectories(base);
        PostgresServer postgres = PostgresServer.start(base.resolve("postgres"),
                Path.of(System.getProperty("java.io.tmpdir"), "postgres-binaries"), Ports.free(),
                base.resolve("postgres.log"), false);
        postgres.createDatabases(List.of(DB));
        KafkaBroker kafka = KafkaBroker.start(base.resolve("kafka"), Ports.free(), Ports.free(),
                base.resolve("kafka.log"), null, ProcessHandle.current().pid());
        SmtpSink mail = new SmtpSink(Ports.free());
        FcmSink fcm = new FcmSink();
        Map<String, String> pushConfig = fcm.config();
        List<Process> services = new ArrayList<>();
        try {
            int replicas = Integer.parseInt(settings.getOrDefault("replicas", "2"));
            List<Integer> ports = new ArrayList<>();
            for (int replica = 0; replica < replicas; replica++) {
                int port = Ports.free();
                ports.add(port);
                services.add(startService(base, replica, port, postgres, kafka, mail, pushConfig));
            }
            for (int port : ports) {
                awaitReady(port);
            }
            awaitCrisisConsumers(kafka.bootstrapServers(), replicas);
            FanOutBenchmark benchmark = new FanOutBenchmark(settings, postgres.jdbcUrl(DB), mail, fcm,
                    services);
            OUT.printf("notification-service x %d replicas; load average at start: %s%n", replicas, loadAverage());
            benchmark.fanOut(kafka.bootstrapServers());
            benchmark.escalation();
            OUT.printf("%nload average at the end: %s%n", loadAverage());
        } finally {
            for (Process service : services) {
                service.destroy();
                service.waitFor();
            }
            fcm.close();
            mail.close();
            kafka.stop();
            postgres.stop();
            // A few hundred megabytes a run; the logs beside them stay.
            Folders.deleteRecursively(base.resolve("postgres"));
            Folders.deleteRecursively(base.resolve("kafka"));
        }
        System.exit(0);
    }

    private static Process startService(Path base, int replica, int port, PostgresServer postgres, KafkaBroker kafka,
                                        SmtpSink mail, Map<String, String> pushConfig) throws IOException {
        List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"),
                "-Xmx768m",
                "-Dquarkus.http.port=" + port,
                "-Dquarkus.datasource.reactive.url=" + postgres.reactiveUrl(DB),
                "-Dquarkus.datasource.jdbc.url=" + postgres.jdbcUrl(DB),
                "-Dquarkus.datasource.username=" + DB, "-Dquarkus.datasource.password=" + DB,
                "-Dkafka.bootstrap.servers=" + kafka.bootstrapServers(),
                "-Dquarkus.oidc.tenant-enabled=false",
                "-Dquarkus.mailer.host=127.0.0.1",
                "-Dquarkus.mailer.port=" + mail.port(),
                "-Dnotification.links.key=benchmark-acknowledge-link-key-0123456789"));
        // The JVM options the service is deployed with (dev-stack and the Helm chart give the same).
        command.addAll(FirebreakService.NOTIFICATION.jvmOptions());
        // Extra options for the replicas' JVMs (a flight recording): -Dbench.service.jvm=-XX:StartFlightRecording=...
        String extra = System.getProperty("bench.service.jvm", "").strip();
        if (!extra.isEmpty()) {
            command.addAll(List.of(extra.replace("{replica}", Integer.toString(replica)).split("\\s+")));
        }
        pushConfig.forEach((key, value) -> {
            if (key.startsWith("notification.")) {
                command.add("-D" + key + "=" + value);
            }
        });
        command.addAll(List.of("-jar", "notification-service/target/quarkus-app/quarkus-run.jar"));
        return new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(base.resolve("service-" + replica + ".log").toFile()).start();
    }

    /**
     * A warm-up crisis first when asked ({@code warmup=N} role holders, not reported but checked): the replicas'
     * JIT compilers otherwise take more CPU during the first crisis after a start than the work itself.
     */
    private void fanOut(String bootstrap) throws Exception {
        if (warmup > 0) {
            OUT.printf("%nWarm-up: %d role holders in one activation (not measured)%n", warmup);
            fanOut(bootstrap, "w", warmup, false);
            mail.reset();
            fcm.reset();
        }
        fanOut(bootstrap, "p", recipients, true);
    }

    /** One crisis activation naming every recipient; then every first attempt, as the providers saw them. */
    private void fanOut(String bootstrap, String prefix, int people, boolean measured) throws Exception {
        List<Assignment> holders = new ArrayList<>();
        try (Connection db = connect()) {
            db.setAutoCommit(false);
            for (int i = 0; i < people; i++) {
                String user = prefix + i;
                holders.add(new Assignment("bench-" + user, user, user + "@bench.local", "Team " + i % 100, false));
            }
            seedPeople(db, prefix, people);
            db.commit();
        }
        UUID crisisId = UUID.randomUUID();
        var crisis = new CrisisChanged(crisisId, UUID.randomUUID(), 1, "Payment outage", CrisisStatus.ACTIVE,
                Severity.HIGH, false, null, "carol", "activated", Instant.now(), holders);
        String event = JSON.writeValueAsString(CloudEvent.of("/playbook-service",
                EventTypes.crisis(CrisisStatus.ACTIVE), crisisId.toString(), crisis));
        int expected = 2 * people;
        Instant start;
        Cpu cpuAtStart;
        try (KafkaProducer<String, String> producer = producer(bootstrap)) {
            start = Instant.now();
            cpuAtStart = cpu();
            producer.send(new ProducerRecord<>(Topics.CRISES, crisisId.toString(), event)).get();
        }
        if (measured) {
            OUT.printf("%nFan-out: %d role holders (e-mail + Android push each) in one %s activation (%d KB)%n",
                    people, Topics.CRISES, event.length() / 1024);
        }
        String ofCrisis = " from delivery d join notification n on n.id = d.notification_id where n.crisis_id = '"
                + crisisId + "'";
        // Polled cheaply, so that the benchmark's own queries do not compete with the service for the cores (a
        // count over the crisis' deliveries every 100 ms took PostgreSQL up to a second each under load): one row
        // says the first chunk of holders is queued; the stand-ins count what they received; the database is read
        // once they have it all, for the times the service recorded.
        String anyDelivery = "select count(*) from (select 1" + ofCrisis + " limit 1) one";
        Instant queuedAt = null;
        Instant deadline = start.plus(Duration.ofMinutes(5));
        String settledCount = "select count(*)" + ofCrisis + " and d.state in ('SENT', 'FAILED')";
        for (int poll = 1; Instant.now().isBefore(deadline) && mail.messages() + fcm.messages() < expected; poll++) {
            if (queuedAt == null && scalar(anyDelivery) > 0) {
                queuedAt = Instant.now();
            }
            // Deliveries that failed for good never reach a stand-in: the database says when all have settled.
            if (poll % 50 == 0 && scalar(settledCount) >= expected) {
                break;
            }
            Thread.sleep(queuedAt == null ? 20 : 100);
        }
        long settled = 0;
        while (Instant.now().isBefore(deadline)) {
            settled = scalar(settledCount);
            if (settled >= expected) {
                break;
            }
            Thread.sleep(500);
        }
        // Read before the report's queries, which are the benchmark's work, not the fan-out's.
        Cpu cpuAtEnd = cpu();
        List<Long> perDelivery = millis("select extract(epoch from d.sent_at) * 1000" + ofCrisis
                + " and d.state = 'SENT' and d.attempts = 1", start);
        List<Long> email = millis("select extract(epoch from d.sent_at) * 1000" + ofCrisis
                + " and d.state = 'SENT' and d.attempts = 1 and d.channel = 'EMAIL'", start);
        List<Long> pushes = millis("select extract(epoch from d.sent_at) * 1000" + ofCrisis
                + " and d.state = 'SENT' and d.attempts = 1 and d.channel = 'PUSH'", start);
        List<Long> perRecipient = millis("select extract(epoch from max(d.sent_at)) * 1000" + ofCrisis
                + " group by d.notification_id having bool_and(d.state = 'SENT')", start);
        if (!measured) {
            OUT.printf("  settled %d of %d, last first attempt SENT after %d ms%n", settled, expected,
                    max(perDelivery));
            received(prefix, people);
            return;
        }
        OUT.printf("  first role holders queued (their deliveries committed, seen by polling): %s%n",
                queuedAt == null ? "none within 5 min" : Duration.between(start, queuedAt).toMillis() + " ms");
        OUT.printf("  deliveries settled %d of %d; sent on the first attempt %d; needed a retry %d; failed %d%n",
                settled, expected, perDelivery.size(),
                scalar("select count(*)" + ofCrisis + " and d.state = 'SENT' and d.attempts > 1"),
                scalar("select count(*)" + ofCrisis + " and d.state = 'FAILED'"));
        OUT.printf("  event -> LAST first attempt SENT: %d ms (target <= 10,000 ms)%n", max(perDelivery));
        report("  event -> SENT, per delivery", perDelivery);
        report("  event -> SENT, e-mail      ", email);
        report("  event -> SENT, push        ", pushes);
        report("  event -> both channels SENT, per recipient", perRecipient);
        OUT.printf("  CPU seconds from the event until all settled: replicas %.1f, this JVM (stand-ins) %.1f%n",
                (cpuAtEnd.replicas() - cpuAtStart.replicas()) / 1e9, (cpuAtEnd.own() - cpuAtStart.own()) / 1e9);
        received(prefix, people);
    }

    /** Escalations due at random over the window; each fires by paging its role's backup. */
    private void escalation() throws Exception {
        mail.reset();
        fcm.reset();
        Instant first = Instant.now().plusSeconds(20);
        Map<UUID, Instant> due = new HashMap<>();
        Map<UUID, String> keyOf = new HashMap<>();
        try (Connection db = connect()) {
            db.setAutoCommit(false);
            seedPeople(db, "b", escalations);
            seedEscalations(db, first, due, keyOf);
            db.commit();
        }
        OUT.printf("%nEscalation: %d running escalations, each with its next step (page the backup) due at random"
                + " within %d s; %d replicas%n", escalations, window.toSeconds(), replicas);
        Instant deadline = first.plus(window).plus(Duration.ofMinutes(3));
        while (Instant.now().isBefore(deadline)
                && scalar("select count(*) from escalation where state = 'RUNNING'") > 0) {
            Thread.sleep(500);
        }
        // Every page mailed and pushed, so that a step fired twice shows as a second mail or push.
        long paged = scalar("select count(*) from notification where backup");
        String queued = "select count(*) from delivery d join notification n on n.id = d.notification_id"
                + " where n.backup and d.state = 'QUEUED'";
        Instant settle = Instant.now().plus(Duration.ofMinutes(3));
        while (Instant.now().isBefore(settle) && scalar(queued) > 0) {
            Thread.sleep(500);
        }
        Map<String, Instant> fired = new HashMap<>();
        try (Connection db = connect(); PreparedStatement query = db.prepareStatement(
                "select crisis_id, role, created_at from notification where backup");
             ResultSet rows = query.executeQuery()) {
            while (rows.next()) {
                fired.put(rows.getString(1) + "|" + rows.getString(2), rows.getTimestamp(3).toInstant());
            }
        }
        List<Long> lateness = new ArrayList<>();
        int lost = 0;
        for (Map.Entry<UUID, Instant> step : due.entrySet()) {
            Instant at = fired.get(keyOf.get(step.getKey()));
            if (at == null) {
                lost++;
            } else {
                lateness.add(Duration.between(step.getValue(), at).toMillis());
            }
        }
        lateness.sort(Long::compare);
        OUT.printf("  fired %d of %d; never fired %d; still RUNNING %d; backups paged %d%n", lateness.size(),
                escalations, lost, scalar("select count(*) from escalation where state = 'RUNNING'"), paged);
        report("  lateness after the deadline", lateness);
        OUT.printf("  backups' deliveries still QUEUED when the providers' counts were read: %d%n", scalar(queued));
        OUT.printf("  earliest firing relative to its deadline: %d ms (negative would be early)%n",
                lateness.isEmpty() ? 0 : lateness.get(0));
        received("b", escalations);
    }

    /** What the SMTP server and FCM received for people {@code prefix}0..n-1: lost and duplicated messages. */
    private void received(String prefix, int people) {
        Map<String, Long> mails = mail.perRecipient();
        Map<String, Long> pushes = fcm.perToken();
        int mailLost = 0;
        int mailTwice = 0;
        int pushLost = 0;
        int pushTwice = 0;
        for (int i = 0; i < people; i++) {
            long m = mails.getOrDefault(prefix + i + "@bench.local", 0L);
            long p = pushes.getOrDefault(token(prefix, i), 0L);
            mailLost += m == 0 ? 1 : 0;
            mailTwice += m > 1 ? 1 : 0;
            pushLost += p == 0 ? 1 : 0;
            pushTwice += p > 1 ? 1 : 0;
        }
        OUT.printf("  SMTP server: %d mails; people with none %d, with more than one %d%n", mail.messages(), mailLost,
                mailTwice);
        OUT.printf("  FCM stand-in: %d messages:send; people with none %d, with more than one %d; requests refused"
                + " %d%n", pushes.values().stream().mapToLong(Long::longValue).sum(), pushLost, pushTwice,
                fcm.refused());
    }

    private void seedPeople(Connection db, String prefix, int count) throws SQLException {
        Timestamp now = Timestamp.from(Instant.now());
        try (PreparedStatement contact = db.prepareStatement("insert into contact_point (subject, email, language,"
                + " updated_at) values (?, ?, ?, ?)");
             PreparedStatement device = db.prepareStatement("insert into push_device (id, owner_subject, platform,"
                     + " token, app_version, locale, registered_at) values (?, ?, 'ANDROID', ?, '1.4.0', ?, ?)")) {
            for (int i = 0; i < count; i++) {
                String language = i % 2 == 0 ? "en" : "fr";
                contact.setString(1, "bench-" + prefix + i);
                contact.setString(2, prefix + i + "@bench.local");
                contact.setString(3, language);
                contact.setTimestamp(4, now);
                contact.addBatch();
                device.setObject(1, UUID.randomUUID());
                device.setString(2, "bench-" + prefix + i);
                device.setString(3, token(prefix, i));
                device.setString(4, language);
                device.setTimestamp(5, now);
                device.addBatch();
            }
            contact.executeBatch();
            device.executeBatch();
        }
    }

    /**
     * MEDIUM crises page the primary holder, then after a minute the backup. Each escalation is one role of one of
     * 100 active crises whose primary holder did not acknowledge: its next step pages the backup at its deadline.
     */
    private void seedEscalations(Connection db, Instant first, Map<UUID, Instant> due, Map<UUID, String> keyOf)
            throws Exception {
        Timestamp now = Timestamp.from(Instant.now());
        try (PreparedStatement policy = db.prepareStatement("insert into escalation_policy (severity, steps, rounds,"
                + " updated_by, updated_at) values ('MEDIUM', ?, 1, 'benchmark', ?)")) {
            policy.setString(1, "[{\"target\":\"PRIMARY\",\"waitMinutes\":1},"
                    + "{\"target\":\"BACKUP\",\"waitMinutes\":1}]");
            policy.setTimestamp(2, now);
            policy.executeUpdate();
        }
        List<UUID> crises = new ArrayList<>();
        try (PreparedStatement crisis = db.prepareStatement("insert into crisis_alert (crisis_id, title, status,"
                + " severity, drill, changed_at) values (?, ?, 'ACTIVE', 'MEDIUM', false, ?)")) {
            for (int i = 0; i < 100; i++) {
                UUID id = UUID.randomUUID();
                crises.add(id);
                crisis.setObject(1, id);
                crisis.setString(2, "Regional outage " + i);
                crisis.setTimestamp(3, now);
                crisis.addBatch();
            }
            crisis.executeBatch();
        }
        try (PreparedStatement escalation = db.prepareStatement("insert into escalation (id, crisis_id, role,"
                + " severity, holders, next_step, round, state, due_at, created_at)"
                + " values (?, ?, ?, 'MEDIUM', ?, 1, 0, 'RUNNING', ?, ?)")) {
            for (int i = 0; i < escalations; i++) {
                UUID id = UUID.randomUUID();
                UUID crisisId = crises.get(i % crises.size());
                String role = "Role " + i;
                Instant at = first.plusMillis(ThreadLocalRandom.current().nextLong(window.toMillis()));
                due.put(id, at);
                keyOf.put(id, crisisId + "|" + role);
                List<Assignment> holders = List.of(
                        new Assignment("bench-e" + i, "e" + i, "e" + i + "@bench.local", role, false),
                        new Assignment("bench-b" + i, "b" + i, "b" + i + "@bench.local", role, true));
                escalation.setObject(1, id);
                escalation.setObject(2, crisisId);
                escalation.setString(3, role);
                escalation.setString(4, JSON.writeValueAsString(holders));
                escalation.setTimestamp(5, Timestamp.from(at));
                escalation.setTimestamp(6, now);
                escalation.addBatch();
            }
            escalation.executeBatch();
        }
    }

    private static String token(String prefix, int i) {
        return "bench-fcm-token:" + prefix + i;
    }

    private static void report(String what, List<Long> sorted) {
        OUT.printf(Locale.ROOT, "%s: p50 %d ms, p99 %d ms, max %d ms (%d)%n", what, percentile(sorted, 50),
                percentile(sorted, 99), max(sorted), sorted.size());
    }

    private List<Long> millis(String sql, Instant start) throws SQLException {
        List<Long> values = new ArrayList<>();
        try (Connection db = connect(); PreparedStatement query = db.prepareStatement(sql);
             ResultSet rows = query.executeQuery()) {
            while (rows.next()) {
                values.add(Math.round(rows.getDouble(1)) - start.toEpochMilli());
            }
        }
        values.sort(Long::compare);
        return values;
    }

    private long scalar(String sql) throws SQLException {
        try (PreparedStatement query = polling.prepareStatement(sql); ResultSet rows = query.executeQuery()) {
            rows.next();
            return rows.getLong(1);
        }
    }

    /** CPU time used so far, in nanoseconds, by the replicas together and by this JVM (the stand-ins). */
    private record Cpu(long replicas, long own) {
    }

    private Cpu cpu() {
        long replicas = 0;
        for (Process service : services) {
            replicas += service.info().totalCpuDuration().map(Duration::toNanos).orElse(0L);
        }
        return new Cpu(replicas, ProcessHandle.current().info().totalCpuDuration().map(Duration::toNanos).orElse(0L));
    }

    private Connection connect() throws SQLException {
        return DriverManager.getConnection(url, DB, DB);
    }

    private static long percentile(List<Long> sorted, int percent) {
        if (sorted.isEmpty()) {
            return 0;
        }
        int index = (int) Math.ceil(percent / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(index, sorted.size() - 1)));
    }

    private static long max(List<Long> sorted) {
        return sorted.isEmpty() ? 0 : sorted.get(sorted.size() - 1);
    }

    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).strip();
        } catch (IOException e) {
            return "unknown";
        }
    }

    /** A crisis event with ten thousand holders is over a megabyte: compressed, and allowed a larger request. */
    private static KafkaProducer<String, String> producer(String bootstrap) {
        Properties properties = new Properties();
        properties.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        // As the services' outbox producer (platform: mp.messaging.outgoing.outbox.compression.type).
        properties.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        properties.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, 16 * 1024 * 1024);
        properties.put(ProducerConfig.ACKS_CONFIG, "all");
        return new KafkaProducer<>(properties, new StringSerializer(), new StringSerializer());
    }

    /**
     * Until the replicas' consumers of the crises topic have settled on their partitions: an event published while
     * the consumer group is still rebalancing (the last replica has just joined) waits for the rebalance, which
     * is not what is measured here.
     */
    private static void awaitCrisisConsumers(String bootstrap, int replicas) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            int partitions = admin.describeTopics(List.of(Topics.CRISES)).allTopicNames().get()
                    .get(Topics.CRISES).partitions().size();
            long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
            while (System.nanoTime() < deadline) {
                ConsumerGroupDescription group = admin.describeConsumerGroups(List.of(GROUP)).all().get().get(GROUP);
                long consuming = group.members().stream().filter(member -> member.assignment().topicPartitions()
                        .stream().anyMatch(partition -> partition.topic().equals(Topics.CRISES))).count();
                if (group.groupState() == GroupState.STABLE && consuming == Math.min(replicas, partitions)) {
                    return;
                }
                Thread.sleep(200);
            }
            throw new IllegalStateException("the replicas' consumers of " + Topics.CRISES + " did not settle");
        }
    }

    private static void awaitReady(int port) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
        while (System.nanoTime() < deadline) {
            try {
                if (http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/q/health/ready"))
                        .build(), HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // starting
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException("the service did not become ready; see its log");
    }
}
