package io.firebreak.devstack;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/** Sends one plain-text mail with a bare SMTP conversation (no login, no TLS), as quarkus-mailer does locally. */
final class Smtp {

    private Smtp() {
    }

    static void send(int port, String from, String to, String subject, String body) throws IOException {
        try (Socket socket = new Socket(MailServer.HOST, port);
             BufferedReader in = new BufferedReader(
                     new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII));
             Writer out = new OutputStreamWriter(socket.getOutputStream(), StandardCharsets.US_ASCII)) {
            socket.setSoTimeout(10_000);
            expect(in, "220");
            command(out, in, "HELO dev-stack-test", "250");
            command(out, in, "MAIL FROM:<" + from + ">", "250");
            command(out, in, "RCPT TO:<" + to + ">", "250");
            command(out, in, "DATA", "354");
            command(out, in, "From: " + from + "\r\nTo: " + to + "\r\nSubject: " + subject + "\r\n\r\n" + body
                    + "\r\n.", "250");
            command(out, in, "QUIT", "221");
        }
    }

    private static void command(Writer out, BufferedReader in, String line, String expectedCode) throws IOException {
        out.write(line + "\r\n");
        out.flush();
        expect(in, expectedCode);
    }

    /** Reads one reply, all its lines ({@code 250-...} continues, {@code 250 ...} ends), and checks its code. */
    private static void expect(BufferedReader in, String expectedCode) throws IOException {
        String line;
        do {
            line = in.readLine();
            if (line == null) {
                throw new IOException("the SMTP server closed the connection; expected " + expectedCode);
            }
        } while (line.length() > 3 && line.charAt(3) == '-');
        if (!line.startsWith(expectedCode)) {
            throw new IOException("expected SMTP " + expectedCode + ", got: " + line);
        }
    }
}
