package io.firebreak.notification;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A minimal SMTP server for the benchmark (RFC 5321): it speaks EHLO/HELO, MAIL, RCPT, DATA (with dot-stuffing
 * undone), RSET, NOOP, QUIT in order, refuses commands out of sequence as a real server does, and keeps nothing
 * but a count of accepted messages per recipient and the time of the last. GreenMail parses and stores every
 * message in a per-user mailbox, which under a crisis' load costs more CPU than the service that sends them; in
 * production the SMTP server runs elsewhere. The tests keep GreenMail.
 */
final class SmtpSink implements AutoCloseable {

    private static final int MAX_LINE = 64 * 1024;

    private final ServerSocket server;
    private final ExecutorService connections = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "smtp-sink");
        thread.setDaemon(true);
        return thread;
    });
    private final Map<String, AtomicLong> accepted = new ConcurrentHashMap<>();
    private final Map<String, Instant> lastAt = new ConcurrentHashMap<>();
    private final AtomicLong messages = new AtomicLong();

    SmtpSink(int port) throws IOException {
        server = new ServerSocket(port, 200, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(this::accept, "smtp-sink-accept");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    int port() {
        return server.getLocalPort();
    }

    /** Messages accepted per recipient (as given in RCPT TO) since the last reset. */
    Map<String, Long> perRecipient() {
        Map<String, Long> counts = new ConcurrentHashMap<>();
        accepted.forEach((recipient, count) -> counts.put(recipient, count.get()));
        return counts;
    }

    long messages() {
        return messages.get();
    }

    void reset() {
        accepted.clear();
        lastAt.clear();
        messages.set(0);
    }

    @Override
    public void close() throws IOException {
        server.close();
        connections.shutdownNow();
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket socket = server.accept();
                connections.execute(() -> serve(socket));
            } catch (IOException closed) {
                return;
            }
        }
    }

    private void serve(Socket socket) {
        try (socket; InputStream in = new BufferedInputStream(socket.getInputStream(), 16 * 1024);
             OutputStream out = new BufferedOutputStream(socket.getOutputStream(), 4096)) {
            new Session(in, out).run();
        } catch (SocketException gone) {
            // the client closed the connection without QUIT
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** One connection's dialogue. */
    private final class Session {

        private final InputStream in;
        private final OutputStream out;
        private boolean greeted;
        private String sender;
        private final List<String> recipients = new ArrayList<>();

        Session(InputStream in, OutputStream out) {
            this.in = in;
            this.out = out;
        }

        void run() throws IOException {
            reply("220 localhost ESMTP benchmark sink");
            String line;
            while ((line = readLine()) != null) {
                String upper = line.toUpperCase(Locale.ROOT);
                String verb = upper.length() >= 4 ? upper.substring(0, 4) : upper;
                switch (verb) {
                    case "EHLO" -> {
                        greeted = true;
                        transactionReset();
                        reply("250-localhost\r\n250-PIPELINING\r\n250-8BITMIME\r\n250 SIZE 10485760");
                    }
                    case "HELO" -> {
                        greeted = true;
                        transactionReset();
                        reply("250 localhost");
                    }
                    case "MAIL" -> mail(line, upper);
                    case "RCPT" -> rcpt(line, upper);
                    case "DATA" -> data();
                    case "RSET" -> {
                        transactionReset();
                        reply("250 OK");
                    }
                    case "NOOP" -> reply("250 OK");
                    case "QUIT" -> {
                        reply("221 Bye");
                        return;
                    }
                    default -> reply("500 5.5.2 Command not recognised");
                }
            }
        }

        private void mail(String line, String upper) throws IOException {
            if (!greeted) {
                reply("503 5.5.1 EHLO first");
            } else if (sender != null) {
                reply("503 5.5.1 Sender already given");
            } else if (!upper.startsWith("MAIL FROM:")) {
                reply("501 5.5.4 Syntax: MAIL FROM:<address>");
            } else {
                sender = address(line.substring("MAIL FROM:".length()));
                reply("250 2.1.0 OK");
            }
        }

        private void rcpt(String line, String upper) throws IOException {
            if (sender == null) {
                reply("503 5.5.1 MAIL first");
            } else if (!upper.startsWith("RCPT TO:")) {
                reply("501 5.5.4 Syntax: RCPT TO:<address>");
            } else {
                String recipient = address(line.substring("RCPT TO:".length()));
                if (recipient.isEmpty() || !recipient.contains("@")) {
                    reply("553 5.1.3 Not a valid address");
                } else {
                    recipients.add(recipient);
                    reply("250 2.1.5 OK");
                }
            }
        }

        private void data() throws IOException {
            if (sender == null || recipients.isEmpty()) {
                reply("503 5.5.1 RCPT first");
                return;
            }
            reply("354 End data with <CR><LF>.<CR><LF>");
            long bytes = 0;
            String line;
            while ((line = readLine()) != null) {
                if (line.equals(".")) {
                    break;
                }
                // Dot-stuffing (RFC 5321 4.5.2): a leading dot was doubled by the client.
                bytes += (line.startsWith("..") ? line.length() - 1 : line.length()) + 2;
            }
            if (line == null) {
                return;
            }
            Instant now = Instant.now();
            for (String recipient : recipients) {
                accepted.computeIfAbsent(recipient, key -> new AtomicLong()).incrementAndGet();
                lastAt.put(recipient, now);
            }
            messages.incrementAndGet();
            transactionReset();
            reply("250 2.0.0 OK " + bytes + " octets");
        }

        private void transactionReset() {
            sender = null;
            recipients.clear();
        }

        private String address(String argument) {
            String value = argument.strip();
            int open = value.indexOf('<');
            int close = value.indexOf('>');
            return open >= 0 && close > open ? value.substring(open + 1, close) : value.split(" ")[0];
        }

        private void reply(String text) throws IOException {
            out.write((text + "\r\n").getBytes(StandardCharsets.US_ASCII));
            // With PIPELINING the client may already have sent the next commands: answer them in one write.
            if (in.available() == 0) {
                out.flush();
            }
        }

        /** A CRLF-terminated line without its terminator; null at the end of the stream. */
        private String readLine() throws IOException {
            ByteArrayOutputStream line = new ByteArrayOutputStream(128);
            int previous = -1;
            int current;
            while ((current = in.read()) != -1) {
                if (previous == '\r' && current == '\n') {
                    byte[] bytes = line.toByteArray();
                    return new String(bytes, 0, bytes.length - 1, StandardCharsets.UTF_8);
                }
                if (line.size() > MAX_LINE) {
                    throw new IOException("line too long");
                }
                line.write(current);
                previous = current;
            }
            return null;
        }
    }
}
