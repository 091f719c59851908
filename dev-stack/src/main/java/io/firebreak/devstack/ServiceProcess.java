package io.firebreak.devstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

/**
 * One packaged Firebreak service ({@code <module>/target/quarkus-app}) in its own JVM, wired to the local stack
 * through environment variables, which Quarkus reads as configuration ({@code QUARKUS_HTTP_PORT} is
 * {@code quarkus.http.port}).
 */
public final class ServiceProcess {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(180);
    private static final Duration STOP_GRACE = Duration.ofSeconds(20);

    private final FirebreakService service;
    private final int port;
    private final ManagedProcess process;

    private ServiceProcess(FirebreakService service, int port, ManagedProcess process) {
        this.service = service;
        this.port = port;
        this.process = process;
    }

    /**
     * Starts {@code service} on its port of {@code stack} without waiting for it: start them all, then
     * {@link #awaitReady()} each. {@code extraEnvironment} adds or overrides variables. With {@code parentPid} set,
     * the service stops when that process dies.
     */
    public static ServiceProcess start(FirebreakService service, StackSettings stack,
                                       Map<String, String> extraEnvironment, Long parentPid) {
        Path app = requirePackaged(service, stack.repoRoot());
        Path workDir = stack.serviceData(service);
        try {
            Files.createDirectories(workDir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<String> command = new ArrayList<>(List.of(ManagedProcess.javaExecutable(),
                "-Xms64m", "-Xmx384m", "-XX:+UseSerialGC"));
        command.addAll(service.jvmOptions());
        command.addAll(List.of("-jar", app.toString()));
        Map<String, String> environment = new HashMap<>(environment(service, stack));
        environment.putAll(extraEnvironment);
        ManagedProcess process = ManagedProcess.start(service.module(), ParentBoundCommand.of(command, parentPid),
                environment, workDir, stack.logFile(service.module()), stack.pidFile(service.module()));
        return new ServiceProcess(service, stack.port(service), process);
    }

    /** Fails, naming the module, when the service has not been packaged. */
    public static Path requirePackaged(FirebreakService service, Path repoRoot) {
        Path app = service.packagedApp(repoRoot);
        if (!Files.isRegularFile(app)) {
            throw new StackException(service.module() + " is not built (no " + app + "); "
                    + "build it with ./mvnw install -DskipTests");
        }
        return app;
    }

    /**
     * What a service needs to run against the local stack: its HTTP port, its own database, Kafka, Keycloak with its
     * own confidential client of the realm, the other services' URLs for its REST clients ({@code quarkus.rest-client.monitoring.url}, ...), its
     * encryption or signing keys, made once per stack home, GreenMail's SMTP port if it sends e-mail, and the
     * platform emulator's FCM for notification-service's pushes.
     */
    static Map<String, String> environment(FirebreakService service, StackSettings stack) {
        Map<String, String> environment = new HashMap<>();
        environment.put("QUARKUS_HTTP_HOST", "127.0.0.1");
        environment.put("QUARKUS_HTTP_PORT", Integer.toString(stack.port(service)));
        environment.put("QUARKUS_DATASOURCE_REACTIVE_URL",
                PostgresServer.reactiveUrl(stack.postgresPort(), service.database()));
        environment.put("QUARKUS_DATASOURCE_JDBC_URL",
                PostgresServer.jdbcUrl(stack.postgresPort(), service.database()));
        environment.put("QUARKUS_DATASOURCE_USERNAME", service.database());
        environment.put("QUARKUS_DATASOURCE_PASSWORD", service.database());
        environment.put("KAFKA_BOOTSTRAP_SERVERS", stack.kafkaBootstrapServers());
        environment.put("QUARKUS_OIDC_AUTH_SERVER_URL", stack.keycloakIssuer());
        environment.put("QUARKUS_OIDC_CLIENT_ID", service.module());
        environment.put("QUARKUS_OIDC_CREDENTIALS_SECRET", service.module() + "-local-secret");
        for (FirebreakService other : FirebreakService.values()) {
            environment.put(other.restClientUrlVariable(), stack.serviceUrl(other));
        }
        for (String variable : service.keyVariables()) {
            environment.put(variable, LocalKeys.key(stack.home(), variable));
        }
        if (service.sendsMail()) {
            environment.put("QUARKUS_MAILER_HOST", MailServer.HOST);
            environment.put("QUARKUS_MAILER_PORT", Integer.toString(stack.smtpPort()));
        }
        if (service == FirebreakService.NOTIFICATION) {
            // Pushes go to the platform emulator's FCM, with a service-account key made for this stack.
            environment.put("NOTIFICATION_PUSH_FCM_PROJECT_ID", "firebreak-local");
            environment.put("NOTIFICATION_PUSH_FCM_CLIENT_EMAIL", "notification@firebreak-local.iam.gserviceaccount.com");
            environment.put("NOTIFICATION_PUSH_FCM_PRIVATE_KEY", LocalKeys.rsaPrivateKeyPem(stack.home(), "FCM_SERVICE_ACCOUNT_KEY"));
            environment.put("NOTIFICATION_PUSH_FCM_BASE_URL", stack.emulatorUrl() + "/fcm");
            environment.put("NOTIFICATION_PUSH_FCM_TOKEN_URI", stack.emulatorUrl() + "/fcm/token");
        }
        return environment;
    }

    /** Waits until the service's readiness checks pass ({@code /q/health/ready} answers 200). */
    public void awaitReady() {
        try {
            awaitReady(service, port, process::isAlive, process.logFile());
        } catch (StackException e) {
            stop();
            throw e;
        }
    }

    /** The same for a service that an earlier run started. */
    static void awaitReady(FirebreakService service, int port, BooleanSupplier alive, Path logFile) {
        Await.until(service.module() + " on port " + port, START_TIMEOUT, alive, () -> isReady(port),
                "see " + logFile);
    }

    static boolean isReady(int port) {
        return Http.answersOk(healthUrl(port) + "/ready");
    }

    public static String healthUrl(int port) {
        return "http://127.0.0.1:" + port + "/q/health";
    }

    public FirebreakService service() {
        return service;
    }

    public int port() {
        return port;
    }


    public void stop() {
        process.stop(STOP_GRACE);
    }
}
