package io.firebreak.devstack;

import io.firebreak.events.Topics;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;

/**
 * A real KRaft Kafka broker (combined broker and controller) in its own JVM, from
 * {@code org.apache.kafka:kafka_2.13}: formatted once, then started with {@code kafka.Kafka}.
 */
public final class KafkaBroker {

    public static final int PARTITIONS = 3;
    private static final Duration START_TIMEOUT = Duration.ofSeconds(90);

    private final int port;
    private final ManagedProcess process;

    private KafkaBroker(int port, ManagedProcess process) {
        this.port = port;
        this.process = process;
    }

    /**
     * Starts a broker keeping its data in {@code workDir}, waits until it answers and creates Firebreak's
     * topics. With {@code parentPid} set, the broker exits when that process does.
     */
    public static KafkaBroker start(Path workDir, int port, int controllerPort, Path logFile, Path pidFile,
                                    Long parentPid) {
        Path config = writeConfig(workDir, port, controllerPort);
        if (!Files.exists(workDir.resolve("data/meta.properties"))) {
            format(config, logFile);
        }
        List<String> command = new ArrayList<>(List.of(ManagedProcess.javaExecutable(),
                "-Xms128m", "-Xmx512m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn",
                "-Dorg.slf4j.simpleLogger.log.kafka.server.KafkaRaftServer=info",
                "-Dorg.slf4j.simpleLogger.showDateTime=true",
                "-cp", classpath()));
        if (parentPid != null) {
            command.addAll(List.of(ParentBoundMain.class.getName(), parentPid.toString()));
        }
        command.addAll(List.of("kafka.Kafka", config.toString()));
        ManagedProcess process = ManagedProcess.start("Kafka", command, Map.of(), workDir, logFile, pidFile);
        KafkaBroker broker = new KafkaBroker(port, process);
        Await.until("Kafka on port " + port, START_TIMEOUT, process::isAlive, broker::createTopics,
                "see " + logFile);
        return broker;
    }

    public String bootstrapServers() {
        return "127.0.0.1:" + port;
    }

    public int port() {
        return port;
    }


    public void stop() {
        process.stop(Duration.ofSeconds(30));
    }

    /** True once the broker answers and every topic of {@link Topics#ALL} exists. */
    boolean createTopics() {
        return createTopics(bootstrapServers());
    }

    static boolean createTopics(String bootstrapServers) {
        Properties properties = new Properties();
        properties.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        properties.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 3000);
        properties.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 5000);
        try (Admin admin = Admin.create(properties)) {
            Set<String> existing = admin.listTopics().names().get(5, TimeUnit.SECONDS);
            List<NewTopic> missing = Topics.ALL.stream()
                    .filter(topic -> !existing.contains(topic))
                    .map(topic -> new NewTopic(topic, PARTITIONS, (short) 1))
                    .toList();
            if (!missing.isEmpty()) {
                admin.createTopics(missing).all().get(10, TimeUnit.SECONDS);
            }
            return true;
        } catch (Exception e) {
            return false;
        }
    }

    private static void format(Path config, Path logFile) {
        List<String> command = List.of(ManagedProcess.javaExecutable(), "-Xmx256m", "-cp", classpath(),
                "kafka.tools.StorageTool", "format", "-t", newClusterId(), "-c", config.toString());
        ManagedProcess format = ManagedProcess.start("Kafka storage format", command, Map.of(),
                config.getParent(), logFile, null);
        try {
            ProcessHandle handle = ProcessHandle.of(format.pid()).orElse(null);
            if (handle != null) {
                handle.onExit().get(60, TimeUnit.SECONDS);
            }
        } catch (Exception e) {
            throw new StackException("formatting Kafka storage failed; see " + logFile, e);
        }
        if (!Files.exists(config.getParent().resolve("data/meta.properties"))) {
            throw new StackException("formatting Kafka storage failed; see " + logFile);
        }
    }

    private static Path writeConfig(Path workDir, int port, int controllerPort) {
        String serverProperties = String.join("\n",
                "process.roles=broker,controller",
                "node.id=1",
                "controller.quorum.voters=1@127.0.0.1:" + controllerPort,
                "listeners=PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort,
                "advertised.listeners=PLAINTEXT://127.0.0.1:" + port,
                "controller.listener.names=CONTROLLER",
                "inter.broker.listener.name=PLAINTEXT",
                "listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT",
                "log.dirs=" + workDir.resolve("data"),
                "num.partitions=" + PARTITIONS,
                "auto.create.topics.enable=true",
                "offsets.topic.replication.factor=1",
                "offsets.topic.num.partitions=10",
                "transaction.state.log.replication.factor=1",
                "transaction.state.log.min.isr=1",
                "share.coordinator.state.topic.replication.factor=1",
                "share.coordinator.state.topic.min.isr=1",
                "group.initial.rebalance.delay.ms=0",
                "log.retention.hours=168",
                "");
        try {
            Files.createDirectories(workDir);
            Path config = workDir.resolve("server.properties");
            Files.writeString(config, serverProperties);
            return config;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Kafka's cluster id format: 16 random bytes, URL-safe base64 without padding. */
    private static String newClusterId() {
        byte[] bytes = new byte[16];
        new SecureRandom().nextBytes(bytes);
        bytes[0] &= 0x7f;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static String classpath() {
        String ownCode = Path.of(codeSourceOf(ParentBoundMain.class)).toString();
        return BuildInfo.kafkaClasspath() + java.io.File.pathSeparator + ownCode;
    }

    private static java.net.URI codeSourceOf(Class<?> type) {
        try {
            return type.getProtectionDomain().getCodeSource().getLocation().toURI();
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
