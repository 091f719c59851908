package io.firebreak.systemtests.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.firebreak.devstack.DevStack;
import io.firebreak.devstack.FirebreakService;
import io.firebreak.devstack.demo.DemoApi;
import io.firebreak.devstack.emulator.PlatformEmulator;
import io.firebreak.events.CloudEvent;
import io.firebreak.events.EventJson;
import io.firebreak.events.EventTypes;
import io.firebreak.events.MentionReceived;
import io.firebreak.events.Topics;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * The whole system under a steady stream of mentions, with crises raised and handled while it runs: real Kafka,
 * PostgreSQL and Keycloak and the four packaged services, started by this benchmark on free ports.
 *
 * <p>Mentions go to {@code mentions.raw.v1} at the requested rate: chatter that matches no watch, the brand's calm
 * baseline, and every two minutes a surge of angry posts about the brand. The detector runs on five-second
 * buckets (so that it warms up within the run) with a lower threshold; each crisis the playbook proposes is activated with a
 * spokesperson, who gets notified, and resolved before the next surge. The watch is created once the stream is
 * steady, at a bucket's start, as a watch in production has a steady past: its detector never sees the empty and
 * half-filled buckets of the generator's start, which widen its learned spread so much that no surge stands out. Printed: the rate offered and the rate
 * scored, post → scored latency, surge start → signal → crisis proposed → first notification sent, the mentions
 * lost, and each process's resident memory at the start and the end.
 *
 * <p>{@code system-tests/bench/soak.sh [minutes (10)] [mentions per second (20000)]}
 */
public final class SoakBenchmark {

    private static final ObjectMapper JSON = EventJson.newMapper();
    private static final Duration BUCKET = Duration.ofSeconds(5);
    private static final int WARMUP_BUCKETS = 24;
    /** How long the stream runs before the watch is created: the generator and the consumers have settled. */
    private static final Duration STEADY_AFTER = Duration.ofSeconds(20);
    private static final String RUN = Long.toString(System.currentTimeMillis() % 1_000_000, 36);
    private static final Duration SURGE_EVERY = Duration.ofSeconds(120);
    private static final Duration SURGE_LENGTH = Duration.ofSeconds(40);
    private static final double BRAND_SHARE = 0.02;
    private static final double SURGE_BRAND_SHARE = 0.12;
    private static final String BRAND_QUERY = "\"banque horizon\" OR \"horizon bank\" OR #horizondown";

    private static final String[] CHATTER = {
        "Lovely weather in Lyon today, going for a walk by the river",
        "Quelqu'un a vu le match hier soir ? Incroyable fin de partie",
        "New episode of my favourite podcast is out, highly recommend",
        "Je cherche une bonne recette de tarte aux pommes pour dimanche",
    };
    private static final String[] CALM = {
        "Opened a savings account with Banque Horizon, the app is pretty smooth",
        "Banque Horizon a répondu vite à ma question, merci",
        "Horizon Bank card arrived today, activation took two minutes",
        "Virement instantané chez Banque Horizon, pratique pour payer le loyer",
    };
    private static final String[] ANGRY = {
        "Banque Horizon app is down AGAIN, I can't pay anything, this is a disgrace #horizondown",
        "Impossible de me connecter à Banque Horizon depuis ce matin, service client injoignable, c'est nul",
        "Horizon Bank took my money and the app just crashes, worst bank ever",
        "Banque Horizon en panne, carte refusée au supermarché, honteux #horizondown",
    };

    private final int minutes;
    private final int rate;
    private final DemoApi rest;
    private final DevStack stack;
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final AtomicLong sent = new AtomicLong();
    private final AtomicLong scored = new AtomicLong();
    private final long[] scoredPerSecond;
    private final ConcurrentLinkedQueue<Long> scoreLatencyMillis = new ConcurrentLinkedQueue<>();
    private final List<Instant> surgeStarts = new ArrayList<>();
    private final Map<String, Instant> signalRaised = new ConcurrentHashMap<>();
    private final Map<String, Instant> crisisProposed = new ConcurrentHashMap<>();
    private final Map<String, String> signalOfCrisis = new ConcurrentHashMap<>();
    private final Map<String, Instant> crisisActivated = new ConcurrentHashMap<>();
    private final Map<String, Instant> firstNotificationSent = new ConcurrentHashMap<>();
    private final Map<String, Boolean> crisesResolved = new ConcurrentHashMap<>();
    private final List<String> problems = new ArrayList<>();
    private Instant start;
    private volatile String watchId;
    private volatile Instant firstSurge;
    private String channelId;

    private SoakBenchmark(int minutes, int rate, DevStack stack) {
        this.minutes = minutes;
        this.rate = rate;
        this.stack = stack;
        this.rest = new DemoApi(stack.settings().keycloakIssuer());
        this.scoredPerSecond = new long[minutes * 60 + 600];
    }

    public static void main(String[] args) throws Exception {
        int minutes = args.length > 0 ? Integer.parseInt(args[0]) : 10;
        int rate = args.length > 1 ? Integer.parseInt(args[1]) : 20_000;
        Path repoRoot = Path.of(System.getProperty("firebreak.repo.root", "..")).toAbsolutePath().normalize();
        Path home = Path.of("target/soak-stack").toAbsolutePath();
        // The detector's defaults are tuned for one-minute buckets and days of history (NAB); with five-second
        // buckets and a two-minute warm-up its learned spread stays wide, and a 6x surge scores about 0.47.
        Map<String, String> fastDetector = Map.of(
                "MONITORING_DETECTION_THRESHOLD", "0.4",
                "MONITORING_SIGNALS_RELEASE_SCORE", "0.35",
                "MONITORING_BUCKETS_LENGTH", "PT" + BUCKET.toSeconds() + "S",
                "MONITORING_BUCKETS_GRACE", "PT1S",
                "MONITORING_DETECTION_WARMUP", Integer.toString(WARMUP_BUCKETS),
                "MONITORING_DETECTION_COOLDOWN", "12",
                "MONITORING_SIGNALS_QUIET_BUCKETS", "4",
                "MONITORING_SIGNALS_COOLDOWN_BUCKETS", "12");
        System.out.printf("Soak: %d minutes at %,d mentions/s; starting the whole system under %s%n", minutes, rate,
                home);
        try (DevStack stack = DevStack.startForTests(home, repoRoot, fastDetector)) {
            new SoakBenchmark(minutes, rate, stack).run();
        }
    }

    private void run() throws Exception {
        setUpChannel();
        Map<String, Long> memoryAtStart = residentMemory();
        List<Thread> threads = List.of(new Thread(this::countScored, "soak-scored"),
                new Thread(this::followTheStory, "soak-story"));
        threads.forEach(Thread::start);
        Thread.sleep(3_000); // the consumers take their partitions before the first mention goes out
        start = Instant.now();
        Thread producer = new Thread(this::produceUninterrupted, "soak-producer");
        producer.start();
        Thread.sleep(STEADY_AFTER.toMillis());
        setUpWatchAtBucketStart();
        producer.join();
        System.out.println("Producing stopped; waiting up to two minutes for the backlog to be scored");
        Instant drainDeadline = Instant.now().plus(Duration.ofMinutes(2));
        while (scored.get() < sent.get() && Instant.now().isBefore(drainDeadline)) {
            Thread.sleep(1_000);
        }
        Duration drained = Duration.between(start.plus(Duration.ofMinutes(minutes)), Instant.now());
        Map<String, Long> memoryAtEnd = residentMemory();
        running.set(false);
        for (Thread thread : threads) {
            thread.join(30_000);
        }
        report(memoryAtStart, memoryAtEnd, drained);
    }

    // --- the set-up a crisis team would have made in peacetime ---

    private void setUpChannel() {
        channelId = rest.post(url(FirebreakService.PUBLISHING, "/api/channels"), "admin", Map.of(
                "name", "Mastodon (soak " + RUN + ")", "platform", "MASTODON",
                "baseUrl", stack.settings().emulatorUrl() + "/mastodon", "account", "firebreak",
                "credentials", Map.of("accessToken", PlatformEmulator.MASTODON_TOKEN))).path("id").asText();
    }

    /** The watch, just after a bucket starts (its first bucket is full), and the playbook it triggers. */
    private void setUpWatchAtBucketStart() throws InterruptedException {
        long bucketMillis = BUCKET.toMillis();
        long now = System.currentTimeMillis();
        Thread.sleep(bucketMillis - now % bucketMillis + 50);
        String run = RUN;
        watchId = rest.post(url(FirebreakService.MONITORING, "/api/watches"), "analyst", Map.of(
                "name", "Banque Horizon (soak " + run + ")", "query", BRAND_QUERY,
                "languages", List.of("en", "fr"))).path("id").asText();
        firstSurge = Instant.now().plus(BUCKET.multipliedBy(WARMUP_BUCKETS + 6));
        String definition = """
                {"scenario": {"name": "Service outage (soak %1$s)", "type": "OUTAGE",
                              "description": "The app is down", "strategy": "Acknowledge, update, apologise"},
                 "triggers": [{"watchId": "%2$s", "minSeverity": "LOW"}],
                 "roles": [{"name": "spokesperson", "responsibilities": ["Speak for the bank"], "tasks": []}],
                 "templates": [{"phase": "HOLDING", "channel": "%3$s", "language": "en",
                                "text": "{{brand}} knows the app is down. Next update at {{next_update_time}}."},
                               {"phase": "APOLOGY", "channel": "%3$s", "language": "en",
                                "text": "{{brand}} apologises for the outage."}],
                 "audiences": [{"name": "customers", "channels": ["%3$s"]}]}""".formatted(run, watchId, channelId);
        rest.post(url(FirebreakService.PLAYBOOK, "/api/playbooks"), "admin", definition);
        System.out.printf("%4d s  watch %s and its outage playbook ready (the stream is steady)%n",
                Duration.between(start, Instant.now()).toSeconds(), watchId);
    }

    private void produceUninterrupted() {
        try {
            produce();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    // --- the stream of mentions ---

    private void produce() throws InterruptedException {
        Properties config = new Properties();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.settings().kafkaBootstrapServers());
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        config.put(ProducerConfig.LINGER_MS_CONFIG, "20");
        config.put(ProducerConfig.BATCH_SIZE_CONFIG, Integer.toString(512 * 1024));
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        Instant end = start.plus(Duration.ofMinutes(minutes));
        long tickNanos = 10_000_000L;
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(config)) {
            long next = System.nanoTime();
            int lastReportedSecond = -1;
            while (Instant.now().isBefore(end)) {
                Instant now = Instant.now();
                Instant surgesFrom = firstSurge;
                boolean surge = surgesFrom != null && inSurge(now, surgesFrom);
                long due = (Duration.between(start, now).toNanos() * rate) / 1_000_000_000L + rate / 100;
                while (sent.get() < due) {
                    long n = sent.incrementAndGet();
                    producer.send(mention(n, now, surge));
                }
                int second = (int) Duration.between(start, now).toSeconds();
                if (second % 10 == 0 && second != lastReportedSecond) {
                    lastReportedSecond = second;
                    System.out.printf("%4d s  sent %,d  scored %,d%s%n", second, sent.get(), scored.get(),
                            surge ? "  (surge)" : "");
                }
                next += tickNanos;
                long sleep = next - System.nanoTime();
                if (sleep > 0) {
                    Thread.sleep(sleep / 1_000_000L, (int) (sleep % 1_000_000L));
                }
            }
            producer.flush();
        }
    }

    private boolean inSurge(Instant now, Instant firstSurge) {
        if (now.isBefore(firstSurge)) {
            return false;
        }
        long sinceFirst = Duration.between(firstSurge, now).toMillis();
        boolean surge = sinceFirst % SURGE_EVERY.toMillis() < SURGE_LENGTH.toMillis();
        if (surge && (surgeStarts.isEmpty() || Duration.between(surgeStarts.get(surgeStarts.size() - 1), now)
                .compareTo(SURGE_LENGTH) > 0)) {
            surgeStarts.add(now);
            System.out.printf("%4d s  surge %d starts%n", Duration.between(start, now).toSeconds(), surgeStarts.size());
        }
        return surge;
    }

    private ProducerRecord<String, String> mention(long n, Instant now, boolean surge) {
        double brandShare = surge ? SURGE_BRAND_SHARE : BRAND_SHARE;
        double draw = (n * 0x9E3779B97F4A7C15L >>> 11) / (double) (1L << 53);
        String text;
        if (draw < brandShare) {
            text = surge && draw < brandShare * 0.85 ? ANGRY[(int) (n % ANGRY.length)] : CALM[(int) (n % CALM.length)];
        } else {
            text = CHATTER[(int) (n % CHATTER.length)];
        }
        String externalId = "soak-" + n;
        MentionReceived mention = new MentionReceived("soak", externalId, "@user" + (n % 50_000), text, null,
                "https://social.example/" + externalId, now, 50 + n % 5_000, n % 40);
        try {
            String event = JSON.writeValueAsString(CloudEvent.of("/soak-benchmark", EventTypes.MENTION_RECEIVED,
                    externalId, mention));
            return new ProducerRecord<>(Topics.MENTIONS_RAW, "soak:" + externalId, event);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    // --- what comes out ---

    private void countScored() {
        try (KafkaConsumer<String, String> consumer = consumer("soak-scored")) {
            consumer.subscribe(List.of(Topics.MENTIONS_SCORED));
            while (running.get()) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                    String value = record.value();
                    if (!value.contains("\"soak\"")) {
                        continue;
                    }
                    long count = scored.incrementAndGet();
                    Instant now = Instant.now();
                    if (start != null) {
                        int second = (int) Duration.between(start, now).toSeconds();
                        if (second >= 0 && second < scoredPerSecond.length) {
                            scoredPerSecond[second]++;
                        }
                    }
                    if (count % 50 == 0) {
                        Instant published = publishedAt(value);
                        if (published != null) {
                            scoreLatencyMillis.add(Duration.between(published, now).toMillis());
                        }
                    }
                }
            }
        }
    }

    private static Instant publishedAt(String value) {
        int at = value.indexOf("\"publishedAt\":\"");
        if (at < 0) {
            return null;
        }
        int from = at + "\"publishedAt\":\"".length();
        return Instant.parse(value.substring(from, value.indexOf('"', from)));
    }

    /** Signals of the watch, the crises they propose (activated, then resolved), and the first notification sent. */
    private void followTheStory() {
        try (KafkaConsumer<String, String> consumer = consumer("soak-story")) {
            consumer.subscribe(List.of(Topics.SIGNALS, Topics.CRISES, Topics.DELIVERIES));
            while (running.get()) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                    Instant now = Instant.now();
                    JsonNode event = read(record.value());
                    JsonNode data = event.path("data");
                    String type = event.path("type").asText();
                    if (type.equals(EventTypes.SIGNAL_RAISED) && data.path("watchId").asText().equals(watchId)) {
                        signalRaised.put(data.path("signalId").asText(), now);
                        System.out.printf("%4d s  signal raised: %s%n", secondsIn(now), data.path("summary").asText());
                    } else if (type.equals(EventTypes.CRISIS_PREFIX + "proposed")
                            && signalRaised.containsKey(data.path("signalId").asText())) {
                        String crisisId = data.path("crisisId").asText();
                        crisisProposed.put(crisisId, now);
                        signalOfCrisis.put(crisisId, data.path("signalId").asText());
                        new Thread(() -> handle(crisisId), "soak-handle-" + crisisId).start();
                    } else if (type.startsWith(EventTypes.DELIVERY_PREFIX)
                            && crisisActivated.containsKey(data.path("crisisId").asText())
                            && data.path("state").asText().equals("SENT")) {
                        firstNotificationSent.putIfAbsent(data.path("crisisId").asText(), now);
                    }
                }
            }
        }
    }

    /** The crisis manager activates the crisis with a spokesperson, and resolves it once they are notified. */
    private void handle(String crisisId) {
        try {
            rest.post(url(FirebreakService.PLAYBOOK, "/api/crises/" + crisisId + "/assignments"), "crisis-manager",
                    Map.of("role", "spokesperson", "backup", false, "person", Map.of(
                            "subject", rest.subjectOf("employee"), "username", "employee",
                            "email", "employee@firebreak.local")));
            rest.post(url(FirebreakService.PLAYBOOK, "/api/crises/" + crisisId + "/activate"), "crisis-manager",
                    Map.of("reason", "soak: the app is down"));
            crisisActivated.put(crisisId, Instant.now());
            System.out.printf("%4d s  crisis %s activated%n", secondsIn(Instant.now()), crisisId);
            Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
            while (!firstNotificationSent.containsKey(crisisId) && Instant.now().isBefore(deadline)) {
                Thread.sleep(200);
            }
            Map<String, String> reason = Map.of("reason", "soak: handled");
            rest.post(url(FirebreakService.PLAYBOOK, "/api/crises/" + crisisId + "/no-apology"), "crisis-manager",
                    reason);
            rest.post(url(FirebreakService.PLAYBOOK, "/api/crises/" + crisisId + "/resolve"), "crisis-manager", reason);
            crisesResolved.put(crisisId, true);
        } catch (RuntimeException | InterruptedException e) {
            synchronized (problems) {
                problems.add("crisis " + crisisId + ": " + e.getMessage());
            }
        }
    }

    // --- figures ---

    private void report(Map<String, Long> memoryAtStart, Map<String, Long> memoryAtEnd, Duration drained) {
        int steadyFrom = (int) BUCKET.multipliedBy(WARMUP_BUCKETS).toSeconds();
        int steadyTo = minutes * 60;
        long[] steady = Arrays.copyOfRange(scoredPerSecond, Math.min(steadyFrom, steadyTo), steadyTo);
        Arrays.sort(steady);
        long[] latencies = scoreLatencyMillis.stream().mapToLong(Long::longValue).sorted().toArray();
        System.out.println();
        System.out.printf("Offered: %,d mentions in %d min (%,d/s)%n", sent.get(), minutes, rate);
        System.out.printf("Scored:  %,d (%,d still unscored when the two-minute drain window closed); the last one"
                        + " %s after the last was sent%n", scored.get(), sent.get() - scored.get(),
                drained.isNegative() ? "0 s" : drained.toSeconds() + " s");
        System.out.printf("Scored per second (after warm-up): median %,d, p10 %,d, max %,d%n",
                percentile(steady, 50), percentile(steady, 10), percentile(steady, 100));
        System.out.printf("Post → scored on Kafka: p50 %,d ms, p99 %,d ms, max %,d ms (%,d samples)%n",
                percentile(latencies, 50), percentile(latencies, 99), percentile(latencies, 100), latencies.length);
        System.out.printf("Surges: %d; signals raised: %d; crises proposed: %d, activated: %d, notified: %d,"
                        + " resolved: %d%n", surgeStarts.size(), signalRaised.size(), crisisProposed.size(),
                crisisActivated.size(), firstNotificationSent.size(), crisesResolved.size());
        List<Long> toSignal = new ArrayList<>();
        List<Long> toProposed = new ArrayList<>();
        List<Long> toNotified = new ArrayList<>();
        for (Instant raised : signalRaised.values()) {
            surgeStarts.stream().filter(surge -> !surge.isAfter(raised)).reduce((a, b) -> b)
                    .ifPresent(surge -> toSignal.add(Duration.between(surge, raised).toMillis()));
        }
        crisisProposed.forEach((crisis, proposed) -> {
            Instant raised = signalRaised.get(signalOfCrisis.get(crisis));
            if (raised != null) {
                toProposed.add(Duration.between(raised, proposed).toMillis());
            }
            Instant activated = crisisActivated.get(crisis);
            Instant notified = firstNotificationSent.get(crisis);
            if (activated != null && notified != null) {
                toNotified.add(Duration.between(activated, notified).toMillis());
            }
        });
        System.out.printf("Surge start → signal raised: %s ms (bucket %d s)%n", sorted(toSignal), BUCKET.toSeconds());
        System.out.printf("Signal raised → crisis proposed: %s ms%n", sorted(toProposed));
        System.out.printf("Crisis activated → first notification sent: %s ms%n", sorted(toNotified));
        System.out.println("Resident memory (MiB), start → end:");
        memoryAtStart.forEach((component, kib) -> System.out.printf("  %-22s %,6d → %,6d%n", component, kib / 1024,
                memoryAtEnd.getOrDefault(component, 0L) / 1024));
        problems.forEach(problem -> System.out.println("Problem: " + problem));
    }

    private Map<String, Long> residentMemory() {
        Map<String, Long> kibByComponent = new LinkedHashMap<>();
        for (DevStack.ComponentStatus component : stack.status()) {
            // PostgreSQL's backends are children of the postmaster: a component is its whole process tree
            component.pid().ifPresent(pid -> ProcessHandle.of(pid).ifPresent(process -> kibByComponent.put(
                    component.name(), java.util.stream.Stream.concat(java.util.stream.Stream.of(process),
                            process.descendants()).mapToLong(SoakBenchmark::residentKib).sum())));
        }
        return kibByComponent;
    }

    private static long residentKib(ProcessHandle process) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/" + process.pid() + "/status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("\\D", ""));
                }
            }
        } catch (java.io.IOException | RuntimeException gone) {
            // the process ended while being measured
        }
        return 0;
    }

    private static List<Long> sorted(List<Long> values) {
        return values.stream().sorted().toList();
    }

    private static long percentile(long[] sorted, int percent) {
        if (sorted.length == 0) {
            return 0;
        }
        int index = (int) Math.ceil(percent / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }

    private int secondsIn(Instant now) {
        return start == null ? 0 : (int) Duration.between(start, now).toSeconds();
    }

    private KafkaConsumer<String, String> consumer(String group) {
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.settings().kafkaBootstrapServers());
        config.put(ConsumerConfig.GROUP_ID_CONFIG, group + "-" + System.nanoTime());
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest");
        config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "5000");
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        return new KafkaConsumer<>(config);
    }

    private static JsonNode read(String value) {
        try {
            return JSON.readTree(value);
        } catch (java.io.IOException e) {
            return JSON.createObjectNode();
        }
    }

    private String url(FirebreakService service, String path) {
        return stack.settings().serviceUrl(service) + path;
    }
}
