package io.firebreak.playbook.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.firebreak.devstack.testing.InfrastructureTestResource;
import io.firebreak.devstack.testing.TestTokens;
import io.firebreak.events.Topics;
import io.firebreak.playbook.client.MonitoringStub;
import io.firebreak.playbook.client.PublishingStub;
import io.firebreak.playbook.playbook.PlaybookFixtures;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Load figures for playbook-service, printed (never asserted): the packaged service (target/quarkus-app) runs in its
 * own JVM against a real PostgreSQL and Kafka, verifying real signed tokens; wrk (Debian's, so no fixed-rate mode:
 * a Lua {@code delay()} paces each connection, calibrated to the target rate) measures
 * {@code GET /api/crises/{id}} and {@code GET /api/me/assignments}; then statements are approved one at a time and
 * each {@code playbook.statements.v1} event is timed from the approval request to its arrival on Kafka.
 *
 * <p>Arguments: [seconds per wrk run (30)] [requests/s (1000)] [connections (20)] [approvals (200)].
 */
public final class PlaybookLoadBenchmark {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final Path OUT = Path.of("target", "bench");

    private PlaybookLoadBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 30;
        int rate = args.length > 1 ? Integer.parseInt(args[1]) : 1000;
        int connections = args.length > 2 ? Integer.parseInt(args[2]) : 20;
        int approvals = args.length > 3 ? Integer.parseInt(args[3]) : 200;
        Files.createDirectories(OUT);

        Map<String, String> config = new HashMap<>(new InfrastructureTestResource().start());
        var oidc = new OidcWiremockTestResource();
        var monitoring = new MonitoringStub();
        var publishing = new PublishingStub();
        config.putAll(oidc.start());
        config.putAll(monitoring.start());
        config.putAll(publishing.start());
        int port = freePort();
        Process service = startService(config, port);
        try {
            String base = "http://127.0.0.1:" + port;
            awaitReady(base);
            String admin = TestTokens.of("ada", "admin");
            String manager = TestTokens.of("carol", "crisis-manager");
            String benchUser = TestTokens.of("bench");

            String playbook = id(call("POST", base + "/api/playbooks", admin,
                    PlaybookFixtures.bankOutage(UUID.randomUUID(), "HIGH")));
            String crisis = null;
            for (int i = 0; i < 3; i++) {
                crisis = id(call("POST", base + "/api/crises", manager,
                        "{\"title\":\"Bank app down " + i + "\",\"severity\":\"HIGH\",\"playbookId\":\"" + playbook + "\"}"));
                call("POST", base + "/api/crises/" + crisis + "/activate", manager, "{\"reason\":\"bench\"}");
                call("POST", base + "/api/crises/" + crisis + "/assignments", manager,
                        "{\"role\":\"spokesperson\",\"person\":{\"subject\":\"" + TestTokens.subjectOf("bench")
                                + "\",\"username\":\"bench\"}}");
            }

            System.out.printf(Locale.ROOT, "playbook-service load, %d s per run, target %d req/s, %d connections%n",
                    seconds, rate, connections);
            wrk("GET /api/crises/{id}", base + "/api/crises/" + crisis, manager, seconds, rate, connections);
            wrk("GET /api/me/assignments", base + "/api/me/assignments", benchUser, seconds, rate, connections);
            approvals(base, crisis, approvals, config.get("kafka.bootstrap.servers"));
        } finally {
            service.destroy();
            service.waitFor(30, TimeUnit.SECONDS);
            publishing.stop();
            monitoring.stop();
            oidc.stop();
        }
        System.exit(0);
    }

    /**
     * Three runs: a warm-up (JIT, connection pools), a short one that finds the pacing giving {@code rate} (each
     * connection waits for its answer, then for the delay), and the measured one.
     */
    private static void wrk(String name, String url, String token, int seconds, int rate, int connections)
            throws Exception {
        double delay = connections * 1000.0 / rate;
        runWrk(url, token, 10, connections, delay);
        WrkRun calibration = runWrk(url, token, 5, connections, delay);
        double latency = connections * 1000.0 / calibration.rps() - delay;
        WrkRun run = runWrk(url, token, seconds, connections, Math.max(0.0, delay - latency));
        System.out.printf(Locale.ROOT, "%-24s %8.0f req/s  p50 %s  p90 %s  p99 %s  max %s  errors %d%n", name,
                run.rps(), run.percentiles().get("50%"), run.percentiles().get("90%"), run.percentiles().get("99%"),
                run.max(), run.errors());
        System.out.println("  " + run.command());
    }

    private record WrkRun(String command, double rps, Map<String, String> percentiles, String max, long errors) {
    }

    private static WrkRun runWrk(String url, String token, int seconds, int connections, double delayMs)
            throws Exception {
        Path script = OUT.resolve("pace.lua");
        Files.writeString(script, String.format(Locale.ROOT, """
                wrk.headers["Authorization"] = "Bearer %s"
                function delay()
                  return %.2f
                end
                """, token, delayMs));
        List<String> command = List.of("wrk", "-t2", "-c" + connections, "-d" + seconds + "s", "--latency",
                "-s", script.toString(), url);
        Process wrk = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(wrk.getInputStream().readAllBytes());
        wrk.waitFor();
        Files.writeString(OUT.resolve("wrk-last.txt"), out);
        Map<String, String> percentiles = new HashMap<>();
        Matcher p = Pattern.compile("^\\s+(50%|75%|90%|99%)\\s+(\\S+)", Pattern.MULTILINE).matcher(out);
        while (p.find()) {
            percentiles.put(p.group(1), p.group(2));
        }
        Matcher rps = Pattern.compile("Requests/sec:\\s+([0-9.]+)").matcher(out);
        Matcher max = Pattern.compile("Latency\\s+\\S+\\s+\\S+\\s+(\\S+)").matcher(out);
        Matcher errors = Pattern.compile("Non-2xx or 3xx responses: (\\d+)").matcher(out);
        if (!rps.find()) {
            throw new IllegalStateException("wrk said:\n" + out);
        }
        return new WrkRun(String.join(" ", command).replace(script.toString(), "pace.lua"),
                Double.parseDouble(rps.group(1)), percentiles, max.find() ? max.group(1) : "?",
                errors.find() ? Long.parseLong(errors.group(1)) : 0);
    }

    /** Each approval, one after the other: request sent → its event read from Kafka. */
    private static void approvals(String base, String crisis, int count, String kafka) throws Exception {
        String communicator = TestTokens.of("cole", "communicator");
        String approver = TestTokens.of("abe", "approver");
        List<String> drafts = new ArrayList<>();
        for (int i = 0; i < count + 20; i++) {
            drafts.add(id(call("POST", base + "/api/crises/" + crisis + "/statements", communicator,
                    "{\"phase\":\"UPDATE\",\"channel\":\"x\",\"language\":\"en\",\"text\":\"Update " + i
                            + ": we are on it.\",\"channelIds\":[\"" + PublishingStub.MASTODON + "\"]}")));
        }
        Map<String, Long> arrived = new ConcurrentHashMap<>();
        AtomicBoolean running = new AtomicBoolean(true);
        Thread reader = new Thread(() -> read(kafka, arrived, running), "statements-reader");
        reader.start();
        Thread.sleep(3000);

        List<Double> toEvent = new ArrayList<>();
        List<Double> toAnswer = new ArrayList<>();
        for (int i = 0; i < drafts.size(); i++) {
            String id = drafts.get(i);
            long start = System.nanoTime();
            call("POST", base + "/api/statements/" + id + "/approve", approver, "{}");
            long answered = System.nanoTime();
            long deadline = start + TimeUnit.SECONDS.toNanos(10);
            while (!arrived.containsKey(id) && System.nanoTime() < deadline) {
                Thread.onSpinWait();
            }
            Long at = arrived.get(id);
            if (i >= 20) { // the first ones warm the JIT and the connections up
                toAnswer.add((answered - start) / 1e6);
                toEvent.add(at == null ? Double.NaN : (at - start) / 1e6);
            }
        }
        running.set(false);
        reader.join();
        long lost = toEvent.stream().filter(d -> d.isNaN()).count();
        System.out.printf(Locale.ROOT, "approve → HTTP answer      %s%n", summary(toAnswer));
        System.out.printf(Locale.ROOT, "approve → event on Kafka   %s (%d approvals, %d not seen within 10 s)%n",
                summary(toEvent.stream().filter(d -> !d.isNaN()).toList()), toEvent.size(), lost);
    }

    private static void read(String kafka, Map<String, Long> arrived, AtomicBoolean running) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka);
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        props.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, "5");
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(props)) {
            List<TopicPartition> partitions = consumer.partitionsFor(Topics.STATEMENTS).stream()
                    .map(info -> new TopicPartition(info.topic(), info.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToEnd(partitions);
            while (running.get()) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(5))) {
                    long now = System.nanoTime();
                    try {
                        arrived.putIfAbsent(JSON.readTree(record.value()).path("data").path("statementId").asText(),
                                now);
                    } catch (IOException e) {
                        throw new IllegalStateException(e);
                    }
                }
            }
        }
    }

    private static String summary(List<Double> millis) {
        if (millis.isEmpty()) {
            return "no data";
        }
        List<Double> sorted = new ArrayList<>(millis);
        Collections.sort(sorted);
        return String.format(Locale.ROOT, "p50 %.1f ms  p90 %.1f ms  p99 %.1f ms  max %.1f ms", pct(sorted, 50),
                pct(sorted, 90), pct(sorted, 99), sorted.get(sorted.size() - 1));
    }

    private static double pct(List<Double> sorted, int p) {
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1));
    }

    private static Process startService(Map<String, String> config, int port) throws IOException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dquarkus.profile=test", "-Dquarkus.http.port=" + port, "-Dquarkus.log.level=WARN"));
        config.forEach((key, value) -> command.add("-D" + key + "=" + value));
        command.addAll(List.of("-jar", "target/quarkus-app/quarkus-run.jar"));
        return new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(OUT.resolve("playbook-service.log").toFile()).start();
    }

    private static void awaitReady(String base) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(180);
        while (System.nanoTime() < deadline) {
            try {
                var response = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/q/health/ready")).build(),
                        HttpResponse.BodyHandlers.discarding());
                if (response.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // starting
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException("playbook-service not ready; see " + OUT.resolve("playbook-service.log"));
    }

    private static JsonNode call(String method, String url, String token, String body) throws Exception {
        var request = HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(body)).build();
        var response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() >= 300) {
            throw new IllegalStateException(method + " " + url + " → " + response.statusCode() + " "
                    + response.body());
        }
        return JSON.readTree(response.body());
    }

    private static String id(JsonNode node) {
        return node.path("id").asText();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
