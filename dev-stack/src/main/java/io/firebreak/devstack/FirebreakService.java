package io.firebreak.devstack;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/** The four Quarkus services: their module folder (also their OIDC client id), default port and database. */
public enum FirebreakService {

    MONITORING("monitoring-service", 8081, "monitoring"),
    PLAYBOOK("playbook-service", 8082, "playbook"),
    PUBLISHING("publishing-service", 8083, "publishing", "PUBLISHING_CREDENTIALS_KEY"),
    NOTIFICATION("notification-service", 8084, "notification", "NOTIFICATION_LINKS_KEY");

    private final String module;
    private final int defaultPort;
    private final String database;
    private final List<String> keyVariables;

    FirebreakService(String module, int defaultPort, String database, String... keyVariables) {
        this.module = module;
        this.defaultPort = defaultPort;
        this.database = database;
        this.keyVariables = List.of(keyVariables);
    }

    /** Environment variables carrying a 256-bit key (base64) the service refuses to start without. */
    public List<String> keyVariables() {
        return keyVariables;
    }

    public String module() {
        return module;
    }

    public int defaultPort() {
        return defaultPort;
    }

    public String database() {
        return database;
    }

    /**
     * JVM options of this service beyond the heap, as the Helm chart gives them (its {@code javaToolOptions}):
     * notification-service runs with the C1 compiler only, because a crisis' fan-out is a rare burst through code
     * the process has seldom run, and the C2 compiler spent more CPU compiling it than the burst itself.
     */
    public List<String> jvmOptions() {
        return this == NOTIFICATION ? List.of("-XX:TieredStopAtLevel=1") : List.of();
    }

    /** Whether the service sends e-mail (quarkus-mailer over SMTP): notification-service only. */
    public boolean sendsMail() {
        return this == NOTIFICATION;
    }

    /** FIREBREAK_MONITORING_PORT, ... */
    public String portVariable() {
        return "FIREBREAK_" + name() + "_PORT";
    }

    /** QUARKUS_REST_CLIENT_MONITORING_URL, ...: the REST client key through which the others reach this one. */
    public String restClientUrlVariable() {
        return "QUARKUS_REST_CLIENT_" + name() + "_URL";
    }

    /** The application {@code ./mvnw package} builds (fast-jar layout). */
    public Path packagedApp(Path repoRoot) {
        return repoRoot.resolve(module).resolve("target/quarkus-app/quarkus-run.jar");
    }

    public static List<String> databases() {
        return Arrays.stream(values()).map(FirebreakService::database).toList();
    }
}
