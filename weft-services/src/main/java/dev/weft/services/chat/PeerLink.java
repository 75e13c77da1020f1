package dev.weft.services.chat;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.PortUnreachableException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What weft knows about one peer: the name it last used, when it was last heard from, and whether it is
 * reachable.
 *
 * <p>Messages go out from the chat's one socket (like the seeds', so replies and names match up), which
 * is not connected, and Linux reports no ICMP errors to an unconnected UDP socket. So after a message to
 * a peer neither heard from nor probed lately, weft sends a one-byte probe (NUL) from a second socket
 * <em>connected</em> to the peer and waits briefly on it: "port unreachable" comes back there as
 * {@link PortUnreachableException}. (Java does not send empty datagrams on a connected socket, hence the
 * byte.) A weft peer ignores probes; a seed's Python chat shows an invisible NUL, at most once per quiet
 * period. The outage is reported once, and again only after the peer has been heard from in between.
 */
final class PeerLink implements AutoCloseable {

    /** How a probe ended. */
    enum Probe { UNREACHABLE, NO_ERROR }

    private final Peer peer;
    private final Duration wait;
    private final AtomicBoolean probing = new AtomicBoolean();
    private final AtomicBoolean reported = new AtomicBoolean();
    private final AtomicLong lastHeard = new AtomicLong(Long.MIN_VALUE);
    private final AtomicLong lastClear = new AtomicLong(Long.MIN_VALUE);
    private volatile String name;
    private DatagramSocket socket;

    PeerLink(Peer peer, Duration wait) {
        this.peer = peer;
        this.wait = wait;
    }

    Peer peer() {
        return peer;
    }

    /** The name this peer last sent with, or null. */
    String name() {
        return name;
    }

    /** Records a datagram from this peer: it is reachable, and a later outage is worth reporting again. */
    void heard(String name, long nanoTime) {
        if (name != null) {
            this.name = name;
        }
        lastHeard.set(nanoTime);
        reported.set(false);
    }

    /** The probe datagram: one NUL byte. */
    static boolean isProbe(byte[] datagram) {
        return datagram.length == 0 || datagram.length == 1 && datagram[0] == 0;
    }

    /**
     * Claims the one probe a peer may have under way, unless the peer was heard from, or probed without
     * error, within {@code quiet} before {@code nanoTime}.
     */
    boolean startProbe(Duration quiet, long nanoTime) {
        if (within(lastHeard.get(), quiet, nanoTime) || within(lastClear.get(), quiet, nanoTime)) {
            return false;
        }
        return probing.compareAndSet(false, true);
    }

    private static boolean within(long then, Duration quiet, long nanoTime) {
        return then != Long.MIN_VALUE && nanoTime - then < quiet.toNanos();
    }

    /**
     * Runs the probe claimed with {@link #startProbe}: sends the probe byte from the connected socket
     * and waits up to the probe wait for an ICMP error. Blocks; call it on a thread of its own.
     *
     * @throws IOException when the datagram cannot even be sent (no route to the host), carrying why
     */
    Probe probe() throws IOException {
        try {
            DatagramSocket probe = socket();
            probe.send(new DatagramPacket(new byte[1], 1));
            try {
                probe.receive(new DatagramPacket(new byte[1], 1));
            } catch (SocketTimeoutException e) {
                // no error within the wait: as good a sign as UDP gives
            } catch (PortUnreachableException e) {
                return Probe.UNREACHABLE;
            }
            lastClear.set(System.nanoTime());
            return Probe.NO_ERROR;
        } finally {
            probing.set(false);
        }
    }

    /** True the first time an outage is to be reported, false until the peer is heard from again. */
    boolean firstReport() {
        return reported.compareAndSet(false, true);
    }

    private synchronized DatagramSocket socket() throws IOException {
        if (socket == null) {
            DatagramSocket opened = new DatagramSocket(null);
            try {
                opened.setSoTimeout((int) Math.max(1, wait.toMillis()));
                opened.bind(null);
                opened.connect(peer.address());
            } catch (IOException | RuntimeException e) {
                opened.close();
                throw e;
            }
            socket = opened;
        }
        return socket;
    }

    @Override
    public synchronized void close() {
        if (socket != null) {
            socket.close();
        }
    }
}
