package io.firebreak.devstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;

/** Loopback ports: find a free one, check one is free, see whether something listens. */
public final class Ports {

    private static final String LOOPBACK = "127.0.0.1";

    private Ports() {
    }

    public static int free() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName(LOOPBACK))) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
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
