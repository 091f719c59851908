package io.firebreak.systemtests;

import io.firebreak.devstack.DevStack;
import io.firebreak.devstack.FirebreakService;
import io.firebreak.devstack.StackSettings;
import java.nio.file.Path;

/**
 * The whole Firebreak system, started once for all system tests of this JVM and stopped with it: real Kafka,
 * PostgreSQL and Keycloak, and the four packaged services, on free ports.
 */
final class RunningSystem {

    private static DevStack stack;

    private RunningSystem() {
    }

    static synchronized StackSettings get() {
        return stack().settings();
    }

    /** The stack itself, for the tests that kill and restart its parts. */
    static synchronized DevStack stack() {
        if (stack == null) {
            Path repoRoot = Path.of(System.getProperty("firebreak.repo.root", "..")).toAbsolutePath().normalize();
            Path home = Path.of(System.getProperty("firebreak.stack.home", "target/stack")).toAbsolutePath();
            stack = DevStack.startForTests(home, repoRoot);
        }
        return stack;
    }

    static String url(FirebreakService service) {
        return get().serviceUrl(service);
    }
}
