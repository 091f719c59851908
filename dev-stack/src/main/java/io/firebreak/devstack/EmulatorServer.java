package io.firebreak.devstack;

import io.firebreak.devstack.emulator.PlatformEmulator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

/**
 * {@link PlatformEmulator} in its own JVM, so that it outlives {@code ./firebreak up} like the other parts: the
 * Mastodon instance publishing-service posts to and the FCM endpoint notification-service pushes to, locally.
 */
public final class EmulatorServer {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration STOP_GRACE = Duration.ofSeconds(5);

    private EmulatorServer() {
    }

    /** Starts the emulator on {@code port} and waits until it answers; it stops with {@code parentPid} if set. */
    public static void start(Path workDir, int port, Path logFile, Path pidFile, Long parentPid) {
        try {
            Files.createDirectories(workDir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        // This JVM's own classpath holds the emulator and Jackson, whether it is the CLI or a test JVM.
        List<String> command = List.of(ManagedProcess.javaExecutable(), "-Xmx96m", "-XX:+UseSerialGC",
                "-XX:TieredStopAtLevel=1", "-cp", ownClasspath(),
                parentPid == null ? PlatformEmulator.class.getName() : ParentBoundMain.class.getName());
        List<String> arguments = parentPid == null ? List.of(Integer.toString(port))
                : List.of(parentPid.toString(), PlatformEmulator.class.getName(), Integer.toString(port));
        ManagedProcess process = ManagedProcess.start("platform emulator",
                java.util.stream.Stream.concat(command.stream(), arguments.stream()).toList(), Map.of(), workDir,
                logFile, pidFile);
        try {
            awaitReady(port, process::isAlive, logFile);
        } catch (StackException e) {
            process.stop(STOP_GRACE);
            throw e;
        }
    }

    /** The entries made absolute: the emulator runs in another working directory. */
    private static String ownClasspath() {
        return java.util.Arrays.stream(System.getProperty("java.class.path").split(java.io.File.pathSeparator))
                .filter(entry -> !entry.isBlank())
                .map(entry -> Path.of(entry).toAbsolutePath().toString())
                .collect(java.util.stream.Collectors.joining(java.io.File.pathSeparator));
    }

    static void awaitReady(int port, BooleanSupplier alive, Path logFile) {
        Await.until("the platform emulator on port " + port, START_TIMEOUT, alive, () -> isReady(port),
                "see " + logFile);
    }

    static boolean isReady(int port) {
        return Http.answersOk("http://127.0.0.1:" + port + "/");
    }
}
