package io.firebreak.devstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ThreadLocalRandom;

/** Loopback ports: find a free one, check one is free, see whether something listens. */
public final class Ports {

    private static final String LOOPBACK = "127.0.0.1";

    private Ports() {
    }

    /**
     * A port free now, below the kernel's ephemeral range when there is room: a port is chosen some time before
     * its server binds it (Keycloak, a minute later), and a port of the ephemeral range may meanwhile become the
     * local end of any outgoing connection on the machine ("Port already bound"). Ports below that range are only
     * ever taken by servers binding them on purpose.
     */
    public static int free() {
        int below = ephemeralRangeStart();
        for (int attempt = 0; below > FIRST_CHOSEN + 1_000 && attempt < 50; attempt++) {
            int port = ThreadLocalRandom.current().nextInt(FIRST_CHOSEN, below);
            if (canBind(port)) {
                return port;
            }
        }
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName(LOOPBACK))) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Lowest port chosen by {@link #free()}: well above the well-known and usual service ports. */
    private static final int FIRST_CHOSEN = 20_000;

    private static boolean canBind(int port) {
        try (ServerSocket ignored = new ServerSocket(port, 1, InetAddress.getByName(LOOPBACK))) {
            return true;
        } catch (IOException taken) {
            return false;
        }
    }

    /** The first port the kernel hands to outgoing connections (32768 on Linux unless configured otherwise). */
    private static int ephemeralRangeStart() {
        try {
            // readString stops short on /proc files (their size reads as 0): read lines instead.
            String range = Files.readAllLines(Path.of("/proc/sys/net/ipv4/ip_local_port_range")).get(0).trim();
            return Integer.parseInt(range.split("\\s+")[0]);
        } catch (IOException | RuntimeException unknown) {
            return 32_768;
        }
    }

    public static boolean isListening(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(LOOPBACK, port), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** Fails with a one-line message naming the port, its user and the variable that moves it. */
    public static void requireFree(int port, String what, String variable) {
        if (isListening(port)) {
            throw new StackException("port " + port + " (" + what + ") is already in use by another program; "
                    + "stop it or choose another port with " + variable + "=<port>");
        }
    }
}
