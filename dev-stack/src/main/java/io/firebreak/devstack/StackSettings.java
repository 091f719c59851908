package io.firebreak.devstack;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;

/**
 * Where the local stack keeps its files and which loopback ports it listens on. Ports come from the
 * {@code FIREBREAK_*_PORT} variables (or their defaults) and are recorded in {@code run/stack.properties} while the
 * stack runs, so that status and down find it even when the environment changed since up.
 *
 * <pre>
 * home/
 *   data/postgres  data/kafka  data/&lt;service&gt;   what the stack stores
 *   postgres-binaries/  keycloak-&lt;version&gt;/        unpacked once, reused
 *   logs/&lt;component&gt;.log   run/&lt;component&gt;.pid   run/stack.properties
 * </pre>
 */
public record StackSettings(Path home, Path repoRoot, int postgresPort, int kafkaPort, int kafkaControllerPort,
                            int smtpPort, int mailApiPort, int keycloakPort, int keycloakManagementPort,
                            int emulatorPort, Map<FirebreakService, Integer> servicePorts) {

    public static final String HOME = "FIREBREAK_HOME";
    public static final String POSTGRES_PORT = "FIREBREAK_POSTGRES_PORT";
    public static final String KAFKA_PORT = "FIREBREAK_KAFKA_PORT";
    public static final String KAFKA_CONTROLLER_PORT = "FIREBREAK_KAFKA_CONTROLLER_PORT";
    public static final String SMTP_PORT = "FIREBREAK_SMTP_PORT";
    public static final String MAIL_API_PORT = "FIREBREAK_MAIL_API_PORT";
    public static final String KEYCLOAK_PORT = "FIREBREAK_KEYCLOAK_PORT";
    public static final String KEYCLOAK_MANAGEMENT_PORT = "FIREBREAK_KEYCLOAK_MANAGEMENT_PORT";
    public static final String EMULATOR_PORT = "FIREBREAK_EMULATOR_PORT";

    public StackSettings {
        home = home.toAbsolutePath().normalize();
        repoRoot = repoRoot.toAbsolutePath().normalize();
        servicePorts = Collections.unmodifiableMap(new EnumMap<>(servicePorts));
    }

    /** FIREBREAK_HOME (default {@code <repo>/.firebreak}) and the ports the variables ask for. */
    public static StackSettings fromEnvironment(Map<String, String> environment, Path repoRoot) {
        String home = environment.get(HOME);
        Path homeDir = home == null || home.isBlank() ? repoRoot.resolve(".firebreak") : Path.of(home);
        return withPorts(homeDir, repoRoot, environment);
    }

    /** Every port picked free, for a stack that tests start beside anything else running on the machine. */
    public static StackSettings withFreePorts(Path home, Path repoRoot) {
        Set<Integer> taken = new HashSet<>();
        Map<String, String> ports = new HashMap<>();
        for (String variable : defaults(home, repoRoot).portsByVariable().keySet()) {
            int port;
            do {
                port = Ports.free();
            } while (!taken.add(port));
            ports.put(variable, Integer.toString(port));
        }
        return withPorts(home, repoRoot, ports);
    }

    /** The ports that {@link #record()} saved for the running stack, until {@link #forgetRecorded()}. */
    public Optional<StackSettings> recorded() {
        if (!Files.isRegularFile(stackFile())) {
            return Optional.empty();
        }
        Properties recorded = new Properties();
        try (InputStream in = Files.newInputStream(stackFile())) {
            recorded.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, String> ports = new HashMap<>();
        recorded.stringPropertyNames().forEach(variable -> ports.put(variable, recorded.getProperty(variable)));
        return Optional.of(withPorts(home, repoRoot, ports));
    }

    public void record() {
        StringBuilder ports = new StringBuilder("# Ports of the running stack: written by up, removed by down\n");
        portsByVariable().forEach((variable, port) -> ports.append(variable).append('=').append(port).append('\n'));
        try {
            Files.createDirectories(stackFile().getParent());
            Path written = stackFile().resolveSibling("stack.properties.new");
            Files.writeString(written, ports);
            Files.move(written, stackFile(), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public void forgetRecorded() {
        try {
            Files.deleteIfExists(stackFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Each port with the variable that moves it, in start order. */
    public Map<String, Integer> portsByVariable() {
        Map<String, Integer> ports = new LinkedHashMap<>();
        ports.put(POSTGRES_PORT, postgresPort);
        ports.put(KAFKA_PORT, kafkaPort);
        ports.put(KAFKA_CONTROLLER_PORT, kafkaControllerPort);
        ports.put(SMTP_PORT, smtpPort);
        ports.put(MAIL_API_PORT, mailApiPort);
        ports.put(KEYCLOAK_PORT, keycloakPort);
        ports.put(KEYCLOAK_MANAGEMENT_PORT, keycloakManagementPort);
        ports.put(EMULATOR_PORT, emulatorPort);
        servicePorts.forEach((service, port) -> ports.put(service.portVariable(), port));
        return ports;
    }

    public int port(FirebreakService service) {
        return servicePorts.get(service);
    }

    public String serviceUrl(FirebreakService service) {
        return "http://127.0.0.1:" + port(service);
    }

    public String kafkaBootstrapServers() {
        return "127.0.0.1:" + kafkaPort;
    }

    public String mailApiUrl() {
        return MailServer.apiUrl(mailApiPort);
    }

    /** The platform emulator: Mastodon under {@code /mastodon}, FCM under {@code /fcm}. */
    public String emulatorUrl() {
        return "http://127.0.0.1:" + emulatorPort;
    }

    public String keycloakUrl() {
        return KeycloakServer.baseUrl(keycloakPort);
    }

    public String keycloakIssuer() {
        return KeycloakServer.issuerUrl(keycloakPort);
    }

    public Path postgresData() {
        return home.resolve("data/postgres");
    }

    public Path postgresBinaries() {
        return home.resolve("postgres-binaries");
    }

    public Path kafkaData() {
        return home.resolve("data/kafka");
    }

    public Path serviceData(FirebreakService service) {
        return home.resolve("data").resolve(service.module());
    }

    public Path keycloakInstall() {
        return home.resolve("keycloak-" + BuildInfo.keycloakVersion());
    }

    public Path logsDir() {
        return home.resolve("logs");
    }

    public Path logFile(String component) {
        return logsDir().resolve(component + ".log");
    }

    public Path pidFile(String component) {
        return home.resolve("run").resolve(component + ".pid");
    }

    public Path stackFile() {
        return home.resolve("run/stack.properties");
    }

    private static StackSettings defaults(Path home, Path repoRoot) {
        return withPorts(home, repoRoot, Map.of());
    }

    private static StackSettings withPorts(Path home, Path repoRoot, Map<String, String> values) {
        Map<FirebreakService, Integer> servicePorts = new EnumMap<>(FirebreakService.class);
        for (FirebreakService service : FirebreakService.values()) {
            servicePorts.put(service, port(values, service.portVariable(), service.defaultPort()));
        }
        StackSettings settings = new StackSettings(home, repoRoot,
                port(values, POSTGRES_PORT, 5433),
                port(values, KAFKA_PORT, 9092),
                port(values, KAFKA_CONTROLLER_PORT, 9093),
                port(values, SMTP_PORT, 2525),
                port(values, MAIL_API_PORT, 8025),
                port(values, KEYCLOAK_PORT, 8180),
                port(values, KEYCLOAK_MANAGEMENT_PORT, 8181),
                port(values, EMULATOR_PORT, 8090),
                servicePorts);
        settings.requireDistinctPorts();
        return settings;
    }

    private static int port(Map<String, String> values, String variable, int defaultPort) {
        String value = values.get(variable);
        if (value == null || value.isBlank()) {
            return defaultPort;
        }
        try {
            int port = Integer.parseInt(value.trim());
            if (port >= 1 && port <= 65535) {
                return port;
            }
        } catch (NumberFormatException e) {
            // reported below, with the variable to fix
        }
        throw new StackException(variable + "=" + value + " is not a port; use a number from 1 to 65535");
    }

    private void requireDistinctPorts() {
        Map<Integer, String> variableByPort = new HashMap<>();
        portsByVariable().forEach((variable, port) -> {
            String other = variableByPort.putIfAbsent(port, variable);
            if (other != null) {
                throw new StackException(other + " and " + variable + " both ask for port " + port
                        + "; give each its own port");
            }
        });
    }
}
