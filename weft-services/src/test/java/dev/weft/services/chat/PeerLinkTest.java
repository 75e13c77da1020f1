package dev.weft.services.chat;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.time.Duration;

import org.junit.jupiter.api.Test;

class PeerLinkTest {

    private static final Duration QUIET = Duration.ofSeconds(30);
    private final PeerLink link = new PeerLink(Peer.parse("127.0.0.1:9"), Duration.ofSeconds(2));

    @Test
    void probesAPeerNeverHeardFrom() {
        assertThat(link.startProbe(QUIET, System.nanoTime())).isTrue();
    }

    @Test
    void runsOneProbeAtATime() {
        assertThat(link.startProbe(QUIET, System.nanoTime())).isTrue();
        assertThat(link.startProbe(QUIET, System.nanoTime())).isFalse();
    }

    @Test
    void doesNotProbeAPeerHeardFromLately() {
        long now = System.nanoTime();
        link.heard("bob", now);
        assertThat(link.startProbe(QUIET, now + Duration.ofSeconds(29).toNanos())).isFalse();
        assertThat(link.startProbe(QUIET, now + Duration.ofSeconds(31).toNanos())).isTrue();
    }

    @Test
    void findsAClosedPortUnreachable() throws Exception {
        int port;
        try (DatagramSocket gone = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            port = gone.getLocalPort();
        }
        try (PeerLink closed = new PeerLink(Peer.parse("127.0.0.1:" + port), Duration.ofSeconds(5))) {
            assertThat(closed.startProbe(QUIET, System.nanoTime())).isTrue();
            assertThat(closed.probe()).isEqualTo(PeerLink.Probe.UNREACHABLE);
        }
    }

    @Test
    void findsAListeningPortFreeOfErrorAndLeavesItAloneForAWhile() throws Exception {
        try (DatagramSocket listening = new DatagramSocket(0, InetAddress.getLoopbackAddress());
             PeerLink open = new PeerLink(Peer.parse("127.0.0.1:" + listening.getLocalPort()), Duration.ofMillis(200))) {
            assertThat(open.startProbe(QUIET, System.nanoTime())).isTrue();
            assertThat(open.probe()).isEqualTo(PeerLink.Probe.NO_ERROR);
            DatagramPacket probe = new DatagramPacket(new byte[10], 10);
            listening.receive(probe);
            assertThat(PeerLink.isProbe(java.util.Arrays.copyOf(probe.getData(), probe.getLength()))).isTrue();
            assertThat(open.startProbe(QUIET, System.nanoTime())).isFalse();
        }
    }

    @Test
    void reportsAnOutageOnceUntilThePeerIsHeardAgain() {
        assertThat(link.firstReport()).isTrue();
        assertThat(link.firstReport()).isFalse();
        link.heard(null, System.nanoTime());
        assertThat(link.firstReport()).isTrue();
    }
}
