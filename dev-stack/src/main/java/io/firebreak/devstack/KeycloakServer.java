package io.firebreak.devstack;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Arrays;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * A real Keycloak ({@code org.keycloak:keycloak-quarkus-dist}, resolved by the build) in development mode, with the
 * {@value #REALM} realm imported from the repository's JSON file. Keycloak keeps its data in the install folder.
 */
public final class KeycloakServer {

    public static final String REALM = "firebreak";
    public static final String ADMIN_USER = "admin";
    public static final String ADMIN_PASSWORD = "admin";

    /** The first start also augments the distribution (Quarkus build step): over a minute on two cores. */
    private static final Duration START_TIMEOUT = Duration.ofSeconds(240);
    private static final Duration STOP_GRACE = Duration.ofSeconds(30);
    private static final String REALM_RESOURCE = "/keycloak/firebreak-realm.json";

    private final int port;
    private final ManagedProcess process;

    private KeycloakServer(int port, ManagedProcess process) {
        this.port = port;
        this.process = process;
    }

    /**
     * Unpacks the distribution into {@code installDir} if needed, refreshes the realm file and starts Keycloak, then
     * waits until the realm answers. With {@code parentPid} set, Keycloak stops when that process dies.
     */
    public static KeycloakServer start(Path installDir, int port, int managementPort, Path logFile, Path pidFile,
                                       Long parentPid) {
        unpackOnce(installDir);
        refreshRealm(installDir);
        List<String> command = List.of(installDir.resolve("bin/kc.sh").toString(), "start-dev",
                "--http-host=127.0.0.1",
                "--http-port=" + port,
                "--http-management-port=" + managementPort,
                // One issuer however the server is reached (127.0.0.1 or localhost): services compare it.
                "--hostname=" + baseUrl(port),
                "--import-realm",
                "--health-enabled=true");
        Map<String, String> environment = Map.of(
                "JAVA_HOME", System.getProperty("java.home"),
                "JAVA_OPTS_KC_HEAP", "-Xms64m -Xmx768m",
                // Local development only: the admin console of a server bound to 127.0.0.1.
                "KC_BOOTSTRAP_ADMIN_USERNAME", ADMIN_USER,
                "KC_BOOTSTRAP_ADMIN_PASSWORD", ADMIN_PASSWORD);
        ManagedProcess process = ManagedProcess.start("Keycloak", ParentBoundCommand.of(command, parentPid),
                environment, installDir, logFile, pidFile);
        try {
            awaitReady(port, process::isAlive, logFile);
        } catch (StackException e) {
            process.stop(STOP_GRACE);
            throw e;
        }
        if (pidFile != null) {
            recordJvm(process, pidFile);
        }
        return new KeycloakServer(port, process);
    }

    /**
     * kc.sh runs Keycloak's JVM as its child (it execs it only after a re-augmentation). The pid file names that
     * JVM, so that killing kc.sh alone (kill -9) still leaves a server that down stops and up recognises.
     */
    private static void recordJvm(ManagedProcess kcSh, Path pidFile) {
        ProcessHandle.of(kcSh.pid()).stream()
                .flatMap(process -> Stream.concat(Stream.of(process), process.children()))
                .filter(process -> process.info().command().filter(command -> command.endsWith("/java")).isPresent())
                .findFirst()
                .ifPresent(jvm -> {
                    try {
                        Files.writeString(pidFile, Long.toString(jvm.pid()));
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                });
    }

    /** Waits until the realm of a Keycloak on {@code port} answers, failing early if {@code alive} stops holding. */
    static void awaitReady(int port, BooleanSupplier alive, Path logFile) {
        Await.until("Keycloak on port " + port, START_TIMEOUT, alive, () -> isReady(port), "see " + logFile);
    }

    static boolean isReady(int port) {
        return Http.answersOk(issuerUrl(port) + "/.well-known/openid-configuration");
    }

    public static String baseUrl(int port) {
        return "http://127.0.0.1:" + port;
    }

    public static String issuerUrl(int port) {
        return baseUrl(port) + "/realms/" + REALM;
    }

    public String issuerUrl() {
        return issuerUrl(port);
    }

    public String tokenUrl() {
        return issuerUrl() + "/protocol/openid-connect/token";
    }

    public int port() {
        return port;
    }


    /** Stops kc.sh and the JVM it runs. */
    public void stop() {
        process.stop(STOP_GRACE);
    }

    /** Forgets everything Keycloak stored (users, sessions, the imported realm): the next start imports afresh. */
    public static void deleteData(Path installDir) {
        Folders.deleteRecursively(installDir.resolve("data/h2"));
    }

    /**
     * Unzips the distribution once. It goes into a sibling folder first and is renamed into place when complete, so
     * an unzip cut short (crash, Ctrl-C) is redone rather than used.
     */
    private static void unpackOnce(Path installDir) {
        if (Files.isDirectory(installDir)) {
            return;
        }
        Path zip = BuildInfo.keycloakZip();
        if (!Files.isRegularFile(zip)) {
            throw new StackException("the Keycloak distribution is missing (" + zip + "); build first: ./mvnw install");
        }
        Path unpacking = installDir.resolveSibling(installDir.getFileName() + ".unpacking");
        Folders.deleteRecursively(unpacking);
        unzip(zip, unpacking);
        Path unpacked = unpacking.resolve("keycloak-" + BuildInfo.keycloakVersion());
        makeScriptsExecutable(unpacked.resolve("bin"));
        try {
            Files.move(unpacked, installDir, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new StackException("cannot move Keycloak into " + installDir + ": " + e.getMessage(), e);
        }
        Folders.deleteRecursively(unpacking);
    }

    private static void unzip(Path zip, Path folder) {
        Path target = folder.toAbsolutePath().normalize();
        try (ZipFile archive = new ZipFile(zip.toFile())) {
            Enumeration<? extends ZipEntry> entries = archive.entries();
            while (entries.hasMoreElements()) {
                ZipEntry entry = entries.nextElement();
                Path destination = target.resolve(entry.getName()).normalize();
                if (!destination.startsWith(target)) {
                    throw new StackException("unexpected path " + entry.getName() + " in " + zip);
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(destination);
                    continue;
                }
                Files.createDirectories(destination.getParent());
                try (InputStream in = archive.getInputStream(entry)) {
                    Files.copy(in, destination);
                }
            }
        } catch (IOException e) {
            throw new StackException("cannot unpack " + zip + ": " + e.getMessage(), e);
        }
    }

    /** java.util.zip drops the Unix modes the archive carries. */
    private static void makeScriptsExecutable(Path bin) {
        try (Stream<Path> files = Files.list(bin)) {
            files.filter(file -> file.getFileName().toString().endsWith(".sh"))
                    .forEach(script -> script.toFile().setExecutable(true, false));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Puts the repository's realm where {@code --import-realm} reads it. Import skips a realm that already exists,
     * so when the file changed since the last start, Keycloak's development database is dropped to import it again.
     */
    private static void refreshRealm(Path installDir) {
        Path imported = installDir.resolve("data/import/" + REALM + "-realm.json");
        try (InputStream in = KeycloakServer.class.getResourceAsStream(REALM_RESOURCE)) {
            if (in == null) {
                throw new StackException("realm file " + REALM_RESOURCE + " is missing from the classpath");
            }
            byte[] realm = in.readAllBytes();
            if (Files.exists(imported) && !Arrays.equals(realm, Files.readAllBytes(imported))) {
                deleteData(installDir);
            }
            Files.createDirectories(imported.getParent());
            Files.write(imported, realm);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
