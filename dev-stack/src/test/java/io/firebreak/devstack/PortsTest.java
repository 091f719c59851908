package io.firebreak.devstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PortsTest {

    @Test
    void aFreePortCanBeBound() throws IOException {
        int port = Ports.free();
        try (ServerSocket server = new ServerSocket(port, 1, InetAddress.getByName("127.0.0.1"))) {
            assertThat(server.getLocalPort()).isEqualTo(port);
        }
    }

    @Test
    void freePortsAreChosenBelowTheEphemeralRangeThatOutgoingConnectionsUse() throws IOException {
        Path range = Path.of("/proc/sys/net/ipv4/ip_local_port_range");
        assumeTrue(Files.isReadable(range), "Linux only");
        int ephemeralStart = Integer.parseInt(Files.readAllLines(range).get(0).trim().split("\\s+")[0]);
        assumeTrue(ephemeralStart > 21_000, "the ephemeral range leaves room below it");

        Set<Integer> ports = new HashSet<>();
        for (int i = 0; i < 20; i++) {
            ports.add(Ports.free());
        }

        assertThat(ports).allSatisfy(port -> assertThat(port).isBetween(20_000, ephemeralStart - 1));
        assertThat(ports).hasSizeGreaterThan(1);
    }
}
