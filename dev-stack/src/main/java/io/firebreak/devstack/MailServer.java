package io.firebreak.devstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

/**
 * A real mail server for the e-mails the services send: GreenMail standalone
 * ({@code com.icegreen:greenmail-standalone}, resolved by the build) in its own JVM, with SMTP and GreenMail's REST API
 * on 127.0.0.1. SMTP needs neither TLS nor a login; every recipient gets a mailbox on the first message, read with
 * {@code GET /api/user/<email>/messages}. Messages live in memory: they are gone once the server stops.
 */
public final class MailServer {

    public static final String HOST = "127.0.0.1";

    private static final Duration START_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration STOP_GRACE = Duration.ofSeconds(10);

    private final int smtpPort;
    private final int apiPort;
    private final ManagedProcess process;

    private MailServer(int smtpPort, int apiPort, ManagedProcess process) {
        this.smtpPort = smtpPort;
        this.apiPort = apiPort;
        this.process = process;
    }

    /**
     * Starts GreenMail in {@code workDir} and waits until SMTP and the API answer. With {@code parentPid} set, it
     * stops when that process dies.
     */
    public static MailServer start(Path workDir, int smtpPort, int apiPort, Path logFile, Path pidFile,
                                   Long parentPid) {
        Path jar = BuildInfo.greenMailJar();
        if (!Files.isRegularFile(jar)) {
            throw new StackException("the GreenMail jar is missing (" + jar + "); build first: ./mvnw install");
        }
        try {
            Files.createDirectories(workDir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<String> command = List.of(ManagedProcess.javaExecutable(),
                "-Xmx128m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                "-Dgreenmail.smtp.hostname=" + HOST,
                "-Dgreenmail.smtp.port=" + smtpPort,
                "-Dgreenmail.api.hostname=" + HOST,
                "-Dgreenmail.api.port=" + apiPort,
                // Any login is accepted (the services send without one).
                "-Dgreenmail.auth.disabled",
                "-jar", jar.toString());
        ManagedProcess process = ManagedProcess.start("GreenMail", ParentBoundCommand.of(command, parentPid),
                Map.of(), workDir, logFile, pidFile);
        try {
            awaitReady(smtpPort, apiPort, process::isAlive, logFile);
        } catch (StackException e) {
            process.stop(STOP_GRACE);
            throw e;
        }
        return new MailServer(smtpPort, apiPort, process);
    }

    /** Waits until SMTP and the API of a GreenMail answer, failing early if {@code alive} stops holding. */
    static void awaitReady(int smtpPort, int apiPort, BooleanSupplier alive, Path logFile) {
        Await.until("GreenMail on ports " + smtpPort + " (SMTP) and " + apiPort + " (API)", START_TIMEOUT, alive,
                () -> isReady(smtpPort, apiPort), "see " + logFile);
    }

    static boolean isReady(int smtpPort, int apiPort) {
        return Ports.isListening(smtpPort) && Http.answersOk(apiUrl(apiPort) + "/api/service/readiness");
    }

    /** GreenMail's REST API, and at {@code /} a page that documents it. */
    public static String apiUrl(int apiPort) {
        return "http://" + HOST + ":" + apiPort;
    }

    /** Every mailbox, one per recipient that got mail: {@code [{"login": ..., "email": ...}]}. */
    public static String mailboxesUrl(int apiPort) {
        return apiUrl(apiPort) + "/api/user";
    }

    /** The messages {@code email} received (INBOX), each with its subject and whole MIME text. */
    public static String messagesUrl(int apiPort, String email) {
        return mailboxesUrl(apiPort) + "/" + email + "/messages";
    }

    public int smtpPort() {
        return smtpPort;
    }

    public int apiPort() {
        return apiPort;
    }


    public void stop() {
        process.stop(STOP_GRACE);
    }
}
