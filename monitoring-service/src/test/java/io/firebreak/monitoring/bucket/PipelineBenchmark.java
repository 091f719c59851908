package io.firebreak.monitoring.bucket;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.firebreak.devstack.Folders;
import io.firebreak.devstack.KafkaBroker;
import io.firebreak.devstack.Ports;
import io.firebreak.devstack.PostgresServer;
import io.firebreak.events.CloudEvent;
import io.firebreak.events.EventJson;
import io.firebreak.events.EventTypes;
import io.firebreak.events.MentionReceived;
import io.firebreak.events.Topics;
import java.io.IOException;
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
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * End-to-end benchmark through a real broker: a real PostgreSQL and Kafka (dev-stack), the packaged service
 * ({@code target/quarkus-app}, so run {@code ./mvnw -B install -pl monitoring-service} first) in its own JVM with
 * 1-second buckets. Prints:
 * <ol>
 *   <li>mentions/s sustained: N mentions waiting on {@code mentions.raw.v1} → scored, stored, bucketed (all match a
 *       watch), from the first counted to the last;
 *   <li>the CPU each process (service, broker, PostgreSQL) used per mention over that drain;
 *   <li>detection latency: for each of R watches with a quiet history, a burst of angry posts, and the time from the
 *       end of the bucket that raised the signal to the {@code signal.raised} event read from Kafka (p50, p99).
 * </ol>
 * Run from the repository root:
 * {@code java -cp "$(cat monitoring-service/target/bench.cp):monitoring-service/target/test-classes:monitoring-service/target/classes" io.firebreak.monitoring.bucket.PipelineBenchmark [N] [R]}
 * with {@code ./mvnw -q -o dependency:build-classpath -Dmdep.outputFile=target/bench.cp -Dmdep.includeScope=test -pl monitoring-service}.
 */
public final class PipelineBenchmark {

    private static final ObjectMapper JSON = EventJson.newMapper();

    public static void main(String[] args) throws Exception {
        int mentions = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 30;
        Path base = Path.of("monitoring-service/target/bench-" + ProcessHandle.current().pid()).toAbsolutePath();
        Files.createDirectories(base);
        PostgresServer postgres = PostgresServer.start(base.resolve("postgres"),
                base.getParent().resolve("tmp/postgres-binaries"), Ports.free(), base.resolve("postgres.log"), false);
        postgres.createDatabases(List.of("firebreak"));
        KafkaBroker kafka = KafkaBroker.start(base.resolve("kafka"), Ports.free(), Ports.free(),
                base.resolve("kafka.log"), null, ProcessHandle.current().pid());
        int httpPort = Ports.free();
        List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"),
                "-Xmx512m"));
        // For a profile of the service, say: -Dbench.service-options=-XX:StartFlightRecording=filename=service.jfr
        for (String option : System.getProperty("bench.service-options", "").split(" ")) {
            if (!option.isBlank()) {
                command.add(option);
            }
        }
        command.addAll(List.of(
                "-Dquarkus.http.port=" + httpPort,
                "-Dquarkus.datasource.reactive.url=" + postgres.reactiveUrl("firebreak"),
                "-Dquarkus.datasource.jdbc.url=" + postgres.jdbcUrl("firebreak"),
                "-Dquarkus.datasource.username=firebreak", "-Dquarkus.datasource.password=firebreak",
                "-Dkafka.bootstrap.servers=" + kafka.bootstrapServers(),
                "-Dquarkus.oidc.tenant-enabled=false",
                "-Dmonitoring.buckets.length=PT1S", "-Dmonitoring.buckets.grace=PT0.1S",
                "-Dmonitoring.buckets.close-every=0.1s", "-Dfirebreak.outbox.relay-interval=0.05s",
                "-jar", "monitoring-service/target/quarkus-app/quarkus-run.jar"));
        // A first start creates the schema; the mentions are then written while the service is down, so that the
        // throughput measured is the pipeline's, not the benchmark producer's (which shares the two cores).
        Process service = start(command, base.resolve("service-schema.log"));
        Process measured = null;
        try (Connection db = DriverManager.getConnection(postgres.jdbcUrl("firebreak"), "firebreak", "firebreak")) {
            awaitReady(httpPort);
            service.destroy();
            service.waitFor();
            UUID loadWatch = UUID.randomUUID();
            insertWatch(db, loadWatch, "loadbrand", Instant.now());
            produce(kafka.bootstrapServers(), mentions);
            measured = start(command, base.resolve("service.log"));
            throughput(db, loadWatch, mentions, new CpuUse(measured.pid(), base));
            awaitReady(httpPort);
            inbox(db, loadWatch);
            latency(db, kafka.bootstrapServers(), rounds);
        } finally {
            service.destroy();
            if (measured != null) {
                measured.destroy();
                measured.waitFor();
            }
            kafka.stop();
            postgres.stop();
            // Gigabytes a run; the logs beside them stay.
            Folders.deleteRecursively(base.resolve("postgres"));
            Folders.deleteRecursively(base.resolve("kafka"));
        }
    }

    private static Process start(List<String> command, Path log) throws IOException {
        return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    }

    private static void produce(String kafka, int count) throws Exception {
        Instant published = Instant.now().minusSeconds(5);
        long start = System.nanoTime();
        try (KafkaProducer<String, String> producer = producer(kafka)) {
            for (int i = 0; i < count; i++) {
                String id = "load-" + i;
                String text = i % 3 == 0 ? "loadbrand est en panne, service nul 😡 " + i
                        : "I like the loadbrand app " + i;
                producer.send(record(id, text, published));
            }
            producer.flush();
        }
        System.out.printf(Locale.ROOT, "%d mentions written to %s in %.2f s (service stopped)%n", count,
                Topics.MENTIONS_RAW, (System.nanoTime() - start) / 1e9);
    }

    /**
     * From the first mention counted in a bucket to the last: the rate at which the started service drains the
     * backlog (scored, stored, bucketed), so its start-up is not counted.
     */
    private static void throughput(Connection db, UUID watch, int count, CpuUse cpu) throws Exception {
        String counted = "select coalesce(sum(volume), 0) from watch_bucket where watch_id = '" + watch + "'";
        long first;
        long firstAt;
        do {
            Thread.sleep(20);
            first = scalar(db, counted);
            firstAt = System.nanoTime();
        } while (first == 0);
        Map<String, Duration> cpuAtFirst = cpu.byProcess();
        long stored = first;
        // The rate over each 5-second window too: a service just started spends its first tens of seconds
        // compiling the hot paths (C2 took as much CPU as the event loops), the sustained rate comes after.
        List<String> windows = new ArrayList<>();
        long windowStart = firstAt;
        long windowStored = first;
        while (stored < count) {
            Thread.sleep(50);
            stored = scalar(db, counted);
            long now = System.nanoTime();
            if (now - windowStart >= 5_000_000_000L || stored >= count) {
                windows.add(String.format(Locale.ROOT, "%.0f", (stored - windowStored) / ((now - windowStart) / 1e9)));
                windowStart = now;
                windowStored = stored;
            }
        }
        double seconds = (System.nanoTime() - firstAt) / 1e9;
        System.out.printf(Locale.ROOT, "throughput: %d mentions from %s scored, stored, bucketed in %.2f s: %.0f"
                + " mentions/s%n", count - first, Topics.MENTIONS_RAW, seconds, (count - first) / seconds);
        System.out.println("  mentions/s in each 5 s since the first: " + String.join(", ", windows));
        Map<String, Duration> cpuAtLast = cpu.byProcess();
        List<String> perMention = new ArrayList<>();
        double total = 0;
        for (Map.Entry<String, Duration> used : cpuAtLast.entrySet()) {
            double micros = used.getValue().minus(cpuAtFirst.getOrDefault(used.getKey(), Duration.ZERO)).toNanos()
                    / 1e3 / (count - first);
            total += micros;
            perMention.add(String.format(Locale.ROOT, "%s %.1f", used.getKey(), micros));
        }
        System.out.printf(Locale.ROOT, "  CPU per mention over the drain, µs: %s, total %.1f (%.2f cores used)%n",
                String.join(", ", perMention), total, total * (count - first) / 1e6 / seconds);
    }

    /**
     * CPU time used so far by the service, the broker (the benchmark's other child process) and PostgreSQL (its
     * server processes, found by their executable in the benchmark's binaries folder).
     */
    private record CpuUse(long servicePid, Path base) {

        Map<String, Duration> byProcess() {
            Map<String, Duration> used = new TreeMap<>();
            String postgresBinaries = base.getParent().resolve("tmp/postgres-binaries").toString();
            ProcessHandle.allProcesses().forEach(process -> {
                ProcessHandle.Info info = process.info();
                String command = info.command().orElse("");
                String name = process.pid() == servicePid ? "service"
                        : command.startsWith(postgresBinaries) ? "postgres"
                        : process.parent().map(parent -> parent.pid() == ProcessHandle.current().pid()).orElse(false)
                                ? "kafka" // the benchmark's other child
                        : null;
                if (name != null) {
                    used.merge(name, info.totalCpuDuration().orElse(Duration.ZERO), Duration::plus);
                }
            });
            return used;
        }
    }

    /**
     * The inbox query of {@code GET /api/mentions?watch=} (MentionRepository.prioritised) on the watch that received
     * every mention: its plan (the order should come from the mention_watch_priority index, without a sort of the
     * watch's mentions) and execution time, for the first page and a deep one. Skipped before that index existed.
     */
    private static void inbox(Connection db, UUID watch) throws SQLException {
        if (scalar(db, "select count(*) from pg_indexes where indexname = 'mention_watch_priority'") == 0) {
            return;
        }
        try (var statement = db.createStatement()) {
            statement.execute("analyze mention_watch; analyze mention");
        }
        for (int offset : List.of(0, 10_000)) {
            try (PreparedStatement explain = db.prepareStatement("""
                    explain (analyze, costs off) select m.* from mention_watch w join mention m on m.id = w.mention_id
                    where w.watch_id = ?
                    order by w.priority_rank desc, w.published_at desc, w.mention_id limit 100 offset ?""")) {
                explain.setObject(1, watch);
                explain.setInt(2, offset);
                StringBuilder plan = new StringBuilder();
                try (ResultSet rows = explain.executeQuery()) {
                    while (rows.next()) {
                        plan.append("  ").append(rows.getString(1)).append('\n');
                    }
                }
                System.out.printf(Locale.ROOT, "inbox page of 100 at offset %d among %d mentions of one watch:%n%s",
                        offset, scalar(db, "select count(*) from mention_watch where watch_id = '" + watch + "'"),
                        plan);
            }
        }
    }

    private static void latency(Connection db, String kafka, int rounds) throws Exception {
        List<UUID> watches = new ArrayList<>();
        Instant created = Instant.now().minusSeconds(180);
        for (int i = 0; i < rounds; i++) {
            UUID watch = UUID.randomUUID();
            watches.add(watch);
            insertWatch(db, watch, "surge" + i + "brand", created);
        }
        List<Double> latencies = new ArrayList<>();
        try (KafkaConsumer<String, String> signals = consumer(kafka);
             KafkaProducer<String, String> producer = producer(kafka)) {
            for (int i = 0; i < rounds; i++) {
                UUID watch = watches.get(i);
                for (int post = 0; post < 40; post++) {
                    producer.send(record("surge-" + i + "-" + post, "surge" + i + "brand est une honte, appli nulle,"
                            + " je suis furieux 😡", Instant.now().minusSeconds(2)));
                }
                producer.flush();
                long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
                boolean raised = false;
                while (!raised && System.nanoTime() < deadline) {
                    for (ConsumerRecord<String, String> record : signals.poll(Duration.ofMillis(20))) {
                        Instant received = Instant.now();
                        JsonNode event = JSON.readTree(record.value());
                        if (event.path("type").asText().equals(EventTypes.SIGNAL_RAISED)
                                && event.path("data").path("watchId").asText().equals(watch.toString())) {
                            Instant bucketEnd = Instant.parse(event.path("data").path("windowEnd").asText());
                            latencies.add(Duration.between(bucketEnd, received).toNanos() / 1e6);
                            raised = true;
                        }
                    }
                }
                if (!raised) {
                    System.out.printf("round %d: no signal within 20 s%n", i);
                }
            }
        }
        Collections.sort(latencies);
        System.out.printf(Locale.ROOT, "detection latency, bucket end -> signal.raised read from %s (1 s buckets,"
                        + " %d signals): p50 %.0f ms, p99 %.0f ms, max %.0f ms%n", Topics.SIGNALS, latencies.size(),
                percentile(latencies, 0.50), percentile(latencies, 0.99), latencies.get(latencies.size() - 1));
    }

    /** A watch created at {@code created}, with one quiet 1-second bucket (2 to 4 mentions) per second since. */
    private static void insertWatch(Connection db, UUID id, String brand, Instant created) throws SQLException {
        Instant start = created.truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        db.setAutoCommit(false);
        try (PreparedStatement watch = db.prepareStatement("insert into watch (id, name, query, languages, sources,"
                + " created_by, created_at, updated_at) values (?, ?, ?, '', '', 'bench', ?, ?)");
             PreparedStatement detection = db.prepareStatement("insert into watch_detection (watch_id,"
                     + " detection_start, closed_until) values (?, ?, ?)");
             PreparedStatement bucket = db.prepareStatement("insert into watch_bucket (watch_id, bucket_start,"
                     + " volume, negative, sentiment_sum) values (?, ?, ?, 0, 0)")) {
            watch.setObject(1, id);
            watch.setString(2, brand);
            watch.setString(3, brand);
            watch.setTimestamp(4, Timestamp.from(start));
            watch.setTimestamp(5, Timestamp.from(start));
            watch.executeUpdate();
            detection.setObject(1, id);
            detection.setTimestamp(2, Timestamp.from(start));
            detection.setTimestamp(3, Timestamp.from(start));
            detection.executeUpdate();
            for (Instant at = start; at.isBefore(Instant.now().minusSeconds(1)); at = at.plusSeconds(1)) {
                bucket.setObject(1, id);
                bucket.setTimestamp(2, Timestamp.from(at));
                bucket.setLong(3, 2 + at.getEpochSecond() % 3);
                bucket.addBatch();
            }
            bucket.executeBatch();
            db.commit();
        } finally {
            db.setAutoCommit(true);
        }
    }

    private static ProducerRecord<String, String> record(String id, String text, Instant published)
            throws IOException {
        var event = CloudEvent.of("/benchmark", EventTypes.MENTION_RECEIVED, "bench:" + id,
                new MentionReceived("bench", id, "@bench", text, null, null, published, 100L, 1L));
        return new ProducerRecord<>(Topics.MENTIONS_RAW, "bench:" + id, JSON.writeValueAsString(event));
    }

    private static KafkaProducer<String, String> producer(String kafka) {
        return new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka,
                ProducerConfig.LINGER_MS_CONFIG, 5,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName(),
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName()));
    }

    private static KafkaConsumer<String, String> consumer(String kafka) {
        Properties properties = new Properties();
        properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka);
        properties.put(ConsumerConfig.GROUP_ID_CONFIG, "benchmark-" + UUID.randomUUID());
        properties.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest");
        properties.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        properties.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        KafkaConsumer<String, String> consumer = new KafkaConsumer<>(properties);
        consumer.subscribe(List.of(Topics.SIGNALS));
        while (consumer.assignment().isEmpty()) {
            consumer.poll(Duration.ofMillis(100));
        }
        return consumer;
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

    private static long scalar(Connection db, String sql) throws SQLException {
        try (var statement = db.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }

    private static double percentile(List<Double> sorted, double p) {
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p * sorted.size()) - 1));
    }
}
