package io.firebreak.devstack;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Consumer;
import java.util.logging.Logger;

/**
 * The whole local stack on 127.0.0.1: PostgreSQL, Kafka, a mail server (GreenMail), Keycloak, then the four
 * services. {@code ./firebreak up} starts it detached (it outlives the command; pid files and the PostgreSQL data
 * folder let {@code down} find it again). System tests start it on free ports, bound to the test JVM
 * ({@link #startForTests}).
 *
 * <p>A component that is still running is reused, whatever happened to the others: after a crash (even
 * {@code kill -9}), {@code up} starts what is missing; stale pid files are ignored.
 */
public final class DevStack implements AutoCloseable {

    static final String POSTGRES = "postgres";
    static final String KAFKA = "kafka";
    static final String MAIL = "mail";
    static final String EMULATOR = "emulator";
    static final String KEYCLOAK = "keycloak";

    private static final Duration STOP_GRACE = Duration.ofSeconds(30);
    private static final Duration KAFKA_READY_TIMEOUT = Duration.ofSeconds(90);
    private static final Logger LOG = Logger.getLogger(DevStack.class.getName());

    private final StackSettings settings;
    private final Consumer<String> reporter;
    private final Long parentPid;
    private final Map<String, String> serviceEnvironment;

    private DevStack(StackSettings settings, Consumer<String> reporter, Long parentPid,
                     Map<String, String> serviceEnvironment) {
        this.settings = settings;
        this.reporter = reporter;
        this.parentPid = parentPid;
        this.serviceEnvironment = Map.copyOf(serviceEnvironment);
    }

    /**
     * The stack {@code ./firebreak} manages, detached from this JVM. While any part of a stack that {@code up}
     * recorded still runs, its recorded ports win over the environment, so that status and down reach it.
     */
    public static DevStack local(Map<String, String> environment, Path repoRoot, Consumer<String> reporter) {
        StackSettings requested = StackSettings.fromEnvironment(environment, repoRoot);
        DevStack requestedStack = new DevStack(requested, reporter, null, Map.of());
        if (!requestedStack.anythingRunning()) {
            return requestedStack;
        }
        StackSettings recorded = requested.recorded().orElse(requested);
        if (!recorded.equals(requested)) {
            reporter.accept("The running stack keeps the ports it was started with (" + requested.stackFile()
                    + "); ./firebreak down first to change them");
        }
        return new DevStack(recorded, reporter, null, Map.of());
    }

    /** {@link #forTests} then {@link #up up} with the services. */
    public static DevStack startForTests(Path home, Path repoRoot, Map<String, String> serviceEnvironment) {
        DevStack stack = forTests(home, repoRoot, serviceEnvironment);
        stack.up(true);
        return stack;
    }

    public static DevStack startForTests(Path home, Path repoRoot) {
        return startForTests(home, repoRoot, Map.of());
    }

    /**
     * A stack under {@code home} on free ports, bound to this JVM: it stops on {@link #close()} and at JVM exit, and
     * all but PostgreSQL also when the JVM is killed. What an earlier run left under home is stopped and wiped,
     * except the unpacked PostgreSQL and Keycloak binaries. {@code serviceEnvironment} is added to every service's.
     */
    public static DevStack forTests(Path home, Path repoRoot, Map<String, String> serviceEnvironment) {
        StackSettings settings = StackSettings.withFreePorts(home, repoRoot);
        DevStack stack = new DevStack(settings, LOG::info,
                ProcessHandle.current().pid(), serviceEnvironment);
        stack.down();
        Folders.deleteRecursively(settings.home().resolve("data"));
        Folders.deleteRecursively(settings.home().resolve("run"));
        Folders.deleteRecursively(settings.logsDir());
        KeycloakServer.deleteData(settings.keycloakInstall());
        Runtime.getRuntime().addShutdownHook(new Thread(stack::down, "stop-firebreak-stack"));
        return stack;
    }

    /** Starts what is not running yet, in dependency order, and waits until each part is ready. */
    public void up(boolean withServices) {
        if (withServices) {
            for (FirebreakService service : FirebreakService.values()) {
                ServiceProcess.requirePackaged(service, settings.repoRoot());
            }
        }
        settings.record();
        startPostgres();
        startKafka();
        startMail();
        startEmulator();
        startKeycloak();
        if (withServices) {
            startServices();
        }
    }

    /** Stops every part, services first; does nothing for parts that are not running. */
    public synchronized void down() {
        stop(Arrays.stream(FirebreakService.values()).map(FirebreakService::module).toList());
        stop(List.of(KEYCLOAK, MAIL, EMULATOR));
        stop(List.of(KAFKA));
        if (PostgresServer.postmaster(settings.postgresData()).isPresent()) {
            PostgresServer.stopDetached(settings.postgresData(), settings.postgresBinaries());
            reporter.accept("Stopped PostgreSQL");
        }
        settings.forgetRecorded();
    }

    @Override
    public void close() {
        down();
    }

    /** Each part in start order: UP (running and answering), DOWN (running, not answering) or NOT RUNNING. */
    public List<ComponentStatus> status() {
        List<ComponentStatus> statuses = new ArrayList<>();
        statuses.add(ComponentStatus.of("PostgreSQL", settings.postgresPort(),
                PostgresServer.postmaster(settings.postgresData()), Ports.isListening(settings.postgresPort())));
        statuses.add(ComponentStatus.of("Kafka", settings.kafkaPort(), running(KAFKA),
                Ports.isListening(settings.kafkaPort())));
        statuses.add(ComponentStatus.of("GreenMail", settings.smtpPort(), running(MAIL),
                MailServer.isReady(settings.smtpPort(), settings.mailApiPort())));
        statuses.add(ComponentStatus.of("platform emulator", settings.emulatorPort(), running(EMULATOR),
                EmulatorServer.isReady(settings.emulatorPort())));
        statuses.add(ComponentStatus.of("Keycloak", settings.keycloakPort(), running(KEYCLOAK),
                KeycloakServer.isReady(settings.keycloakPort())));
        for (FirebreakService service : FirebreakService.values()) {
            int port = settings.port(service);
            statuses.add(ComponentStatus.of(service.module(), port, running(service.module()),
                    ServiceProcess.isReady(port)));
        }
        return statuses;
    }

    public StackSettings settings() {
        return settings;
    }

    public record ComponentStatus(String name, int port, OptionalLong pid, State state) {

        static ComponentStatus of(String name, int port, Optional<ProcessHandle> process, boolean answering) {
            OptionalLong pid = process.map(handle -> OptionalLong.of(handle.pid())).orElse(OptionalLong.empty());
            State state = process.isEmpty() ? State.NOT_RUNNING : answering ? State.UP : State.DOWN;
            return new ComponentStatus(name, port, pid, state);
        }
    }

    public enum State {
        UP, DOWN, NOT_RUNNING;

        @Override
        public String toString() {
            return name().replace('_', ' ');
        }
    }

    private void startPostgres() {
        int port = settings.postgresPort();
        if (PostgresServer.isRunning(settings.postgresData(), port)) {
            reporter.accept("PostgreSQL on port " + port + " is already running");
        } else {
            Ports.requireFree(port, "PostgreSQL", StackSettings.POSTGRES_PORT);
            reporter.accept("Starting PostgreSQL on port " + port);
            long started = System.nanoTime();
            PostgresServer.start(settings.postgresData(), settings.postgresBinaries(), port,
                    settings.logFile(POSTGRES), parentPid == null);
            reporter.accept("PostgreSQL ready" + since(started));
        }
        PostgresServer.createDatabases(port, FirebreakService.databases());
    }

    private void startKafka() {
        int port = settings.kafkaPort();
        Optional<ProcessHandle> running = alreadyRunning(KAFKA, "Kafka on port " + port);
        if (running.isPresent() && reused("Kafka", running.get(), () -> Await.until(
                "Kafka on port " + port, KAFKA_READY_TIMEOUT, running.get()::isAlive,
                () -> KafkaBroker.createTopics(settings.kafkaBootstrapServers()), "see " + settings.logFile(KAFKA)))) {
            return;
        }
        Ports.requireFree(port, "Kafka", StackSettings.KAFKA_PORT);
        Ports.requireFree(settings.kafkaControllerPort(), "Kafka controller", StackSettings.KAFKA_CONTROLLER_PORT);
        reporter.accept("Starting Kafka on port " + port);
        long started = System.nanoTime();
        KafkaBroker.start(settings.kafkaData(), port, settings.kafkaControllerPort(), settings.logFile(KAFKA),
                settings.pidFile(KAFKA), parentPid);
        reporter.accept("Kafka ready" + since(started));
    }

    private void startMail() {
        int smtpPort = settings.smtpPort();
        int apiPort = settings.mailApiPort();
        Optional<ProcessHandle> running = alreadyRunning(MAIL, "GreenMail on port " + smtpPort);
        if (running.isPresent() && reused("GreenMail", running.get(), () -> MailServer.awaitReady(
                smtpPort, apiPort, running.get()::isAlive, settings.logFile(MAIL)))) {
            return;
        }
        Ports.requireFree(smtpPort, "GreenMail SMTP", StackSettings.SMTP_PORT);
        Ports.requireFree(apiPort, "GreenMail API", StackSettings.MAIL_API_PORT);
        reporter.accept("Starting GreenMail on port " + smtpPort + " (SMTP) and " + apiPort + " (API)");
        long started = System.nanoTime();
        MailServer.start(settings.home(), smtpPort, apiPort, settings.logFile(MAIL), settings.pidFile(MAIL),
                parentPid);
        reporter.accept("GreenMail ready" + since(started));
    }

    private void startEmulator() {
        int port = settings.emulatorPort();
        Optional<ProcessHandle> running = alreadyRunning(EMULATOR, "The platform emulator on port " + port);
        if (running.isPresent() && reused("The platform emulator", running.get(), () -> EmulatorServer.awaitReady(
                port, running.get()::isAlive, settings.logFile(EMULATOR)))) {
            return;
        }
        Ports.requireFree(port, "the platform emulator", StackSettings.EMULATOR_PORT);
        reporter.accept("Starting the platform emulator (Mastodon, FCM) on port " + port);
        long started = System.nanoTime();
        EmulatorServer.start(settings.home(), port, settings.logFile(EMULATOR), settings.pidFile(EMULATOR),
                parentPid);
        reporter.accept("Platform emulator ready" + since(started));
    }

    private void startKeycloak() {
        int port = settings.keycloakPort();
        Optional<ProcessHandle> running = alreadyRunning(KEYCLOAK, "Keycloak on port " + port);
        if (running.isPresent() && reused("Keycloak", running.get(),
                () -> KeycloakServer.awaitReady(port, running.get()::isAlive, settings.logFile(KEYCLOAK)))) {
            return;
        }
        Ports.requireFree(port, "Keycloak", StackSettings.KEYCLOAK_PORT);
        Ports.requireFree(settings.keycloakManagementPort(), "Keycloak management",
                StackSettings.KEYCLOAK_MANAGEMENT_PORT);
        reporter.accept("Starting Keycloak on port " + port + " (the first start takes a minute or two)");
        long started = System.nanoTime();
        KeycloakServer.start(settings.keycloakInstall(), port, settings.keycloakManagementPort(),
                settings.logFile(KEYCLOAK), settings.pidFile(KEYCLOAK), parentPid);
        reporter.accept("Keycloak ready" + since(started));
    }

    /** Launches every service that is not running, then waits for each: they boot side by side. */
    private void startServices() {
        long started = System.nanoTime();
        List<Runnable> readiness = new ArrayList<>();
        for (FirebreakService service : FirebreakService.values()) {
            String name = service.module();
            int port = settings.port(service);
            Optional<ProcessHandle> running = alreadyRunning(name, name + " on port " + port);
            if (running.isPresent()) {
                readiness.add(() -> {
                    if (!reused(name, running.get(), () -> ServiceProcess.awaitReady(
                            service, port, running.get()::isAlive, settings.logFile(name)))) {
                        awaitLaunched(launch(service), started);
                    }
                });
            } else {
                ServiceProcess launched = launch(service);
                readiness.add(() -> awaitLaunched(launched, started));
            }
        }
        readiness.forEach(Runnable::run);
    }

    private ServiceProcess launch(FirebreakService service) {
        Ports.requireFree(settings.port(service), service.module(), service.portVariable());
        reporter.accept("Starting " + service.module() + " on port " + settings.port(service));
        return ServiceProcess.start(service, settings, serviceEnvironment, parentPid);
    }

    private void awaitLaunched(ServiceProcess service, long startedNanos) {
        service.awaitReady();
        reporter.accept(service.service().module() + " ready" + since(startedNanos));
    }

    /**
     * Waits for a component that an earlier run started. False when it died meanwhile (it was being stopped or
     * killed as up began), so that it is started anew.
     */
    private boolean reused(String what, ProcessHandle process, Runnable awaitReady) {
        try {
            awaitReady.run();
            return true;
        } catch (StackException e) {
            if (process.isAlive()) {
                throw e;
            }
            reporter.accept(what + " has stopped; starting it again");
            return false;
        }
    }

    /** Asks all {@code components} to stop at once (each takes seconds), then waits for each. */
    private void stop(List<String> components) {
        Map<String, ProcessHandle> running = new LinkedHashMap<>();
        for (String component : components) {
            running(component).ifPresent(process -> {
                process.destroy();
                running.put(component, process);
            });
            Folders.deleteIfExists(settings.pidFile(component));
        }
        running.forEach((component, process) -> {
            ManagedProcess.stop(process, STOP_GRACE);
            reporter.accept("Stopped " + displayName(component));
        });
    }

    private static String displayName(String component) {
        return switch (component) {
            case KAFKA -> "Kafka";
            case MAIL -> "GreenMail";
            case EMULATOR -> "the platform emulator";
            case KEYCLOAK -> "Keycloak";
            default -> component;
        };
    }

    private boolean anythingRunning() {
        return PostgresServer.postmaster(settings.postgresData()).isPresent()
                || running(KAFKA).isPresent()
                || running(MAIL).isPresent()
                || running(EMULATOR).isPresent()
                || running(KEYCLOAK).isPresent()
                || Arrays.stream(FirebreakService.values()).anyMatch(service -> running(service.module()).isPresent());
    }

    private Optional<ProcessHandle> running(String component) {
        return ManagedProcess.running(settings.pidFile(component));
    }

    private Optional<ProcessHandle> alreadyRunning(String component, String what) {
        Optional<ProcessHandle> running = running(component);
        running.ifPresent(process -> reporter.accept(what + " is already running"));
        return running;
    }

    private static String since(long startNanos) {
        return String.format(Locale.ROOT, " (%.1f s)", (System.nanoTime() - startNanos) / 1e9);
    }
}
