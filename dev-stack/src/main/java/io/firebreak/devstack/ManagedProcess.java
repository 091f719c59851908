package io.firebreak.devstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * A child process whose output goes to a log file and whose pid is written to a pid file, so that
 * another invocation of the launcher (./firebreak down) can find and stop it.
 */
public final class ManagedProcess {

    /** Start times are computed from the boot time (whole seconds, shifted by clock adjustments): allow slack. */
    private static final Duration PID_FILE_CLOCK_TOLERANCE = Duration.ofSeconds(2);

    private final String name;
    private final ProcessHandle handle;
    private final Path logFile;

    private ManagedProcess(String name, ProcessHandle handle, Path logFile) {
        this.name = name;
        this.handle = handle;
        this.logFile = logFile;
    }

    public static ManagedProcess start(String name, List<String> command, Map<String, String> environment,
                                       Path workingDirectory, Path logFile, Path pidFile) {
        try {
            Files.createDirectories(logFile.getParent());
            ProcessBuilder builder = new ProcessBuilder(command)
                    .directory(workingDirectory.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
                    .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()));
            builder.environment().putAll(environment);
            Process process = builder.start();
            if (pidFile != null) {
                Files.createDirectories(pidFile.getParent());
                Files.writeString(pidFile, Long.toString(process.pid()));
            }
            return new ManagedProcess(name, process.toHandle(), logFile);
        } catch (IOException e) {
            throw new StackException("cannot start " + name + ": " + e.getMessage(), e);
        }
    }

    /**
     * The live process recorded in {@code pidFile}, if any. A stale file from a crash yields empty, and so does
     * a pid that another program got since (after a reboot, say): that process started after the file was written.
     */
    public static Optional<ProcessHandle> running(Path pidFile) {
        try {
            if (!Files.isRegularFile(pidFile)) {
                return Optional.empty();
            }
            long pid = Long.parseLong(Files.readString(pidFile).trim());
            Instant written = Files.getLastModifiedTime(pidFile).toInstant();
            return ProcessHandle.of(pid)
                    .filter(ProcessHandle::isAlive)
                    .filter(handle -> startedBefore(handle, written));
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static boolean startedBefore(ProcessHandle handle, Instant pidFileWritten) {
        return handle.info().startInstant()
                .map(start -> !start.isAfter(pidFileWritten.plus(PID_FILE_CLOCK_TOLERANCE)))
                .orElse(true);
    }

    /** Asks the process (and its children) to stop, then kills it if it has not after {@code grace}. */
    public static void stop(ProcessHandle handle, Duration grace) {
        List<ProcessHandle> children = handle.descendants().toList();
        handle.destroy();
        try {
            handle.onExit().get(grace.toMillis(), TimeUnit.MILLISECONDS);
        } catch (Exception e) {
            handle.destroyForcibly();
        }
        children.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
    }

    public static void stop(Path pidFile, Duration grace) {
        running(pidFile).ifPresent(handle -> stop(handle, grace));
        try {
            Files.deleteIfExists(pidFile);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public void stop(Duration grace) {
        stop(handle, grace);
    }

    public boolean isAlive() {
        return handle.isAlive();
    }

    public long pid() {
        return handle.pid();
    }

    public String name() {
        return name;
    }

    public Path logFile() {
        return logFile;
    }

    /** Java of the running JVM, so child JVMs use the same JDK. */
    public static String javaExecutable() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
