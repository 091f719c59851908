package io.firebreak.devstack.testing;

import io.firebreak.devstack.KafkaBroker;
import io.firebreak.devstack.Ports;
import io.firebreak.devstack.PostgresServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Real PostgreSQL and a real Kafka broker for a service's {@code @QuarkusTest}s: started once per test JVM
 * on free ports, under {@code java.io.tmpdir} (the build folder), and gone when the JVM is.
 */
public class InfrastructureTestResource implements QuarkusTestResourceLifecycleManager {

    public static final String DATABASE = "firebreak";

    private static PostgresServer postgres;
    private static KafkaBroker kafka;

    @Override
    public Map<String, String> start() {
        startOnce();
        return Map.of(
                "quarkus.datasource.reactive.url", postgres.reactiveUrl(DATABASE),
                "quarkus.datasource.jdbc.url", postgres.jdbcUrl(DATABASE),
                "quarkus.datasource.username", DATABASE,
                "quarkus.datasource.password", DATABASE,
                "kafka.bootstrap.servers", kafka.bootstrapServers());
    }

    /** Both servers live as long as the test JVM, even when Quarkus restarts the application between tests. */
    @Override
    public void stop() {
    }

    public static synchronized String kafkaBootstrapServers() {
        startOnce();
        return kafka.bootstrapServers();
    }

    public static synchronized String jdbcUrl() {
        startOnce();
        return postgres.jdbcUrl(DATABASE);
    }

    private static synchronized void startOnce() {
        if (postgres != null) {
            return;
        }
        Path base = Path.of(System.getProperty("java.io.tmpdir"), "firebreak-test-" + ProcessHandle.current().pid());
        deleteRecursively(base);
        postgres = PostgresServer.start(base.resolve("postgres"), base.getParent().resolve("postgres-binaries"),
                Ports.free(), base.resolve("logs/postgres.log"), false);
        postgres.createDatabases(List.of(DATABASE));
        kafka = KafkaBroker.start(base.resolve("kafka"), Ports.free(), Ports.free(), base.resolve("logs/kafka.log"),
                null, ProcessHandle.current().pid());
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            kafka.stop();
            deleteRecursively(base.resolve("kafka"));
        }, "stop-test-kafka"));
    }

    private static void deleteRecursively(Path path) {
        if (!Files.exists(path)) {
            return;
        }
        try (Stream<Path> files = Files.walk(path)) {
            files.sorted(Comparator.reverseOrder()).forEach(file -> file.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
