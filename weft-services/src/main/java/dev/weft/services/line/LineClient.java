package dev.weft.services.line;

import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.nio.channels.SocketChannel;
import java.nio.charset.Charset;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

import javax.net.ssl.SSLException;
import javax.net.ssl.SSLHandshakeException;

import dev.weft.client.ClientTrust;

/**
 * The client side of weft's line services (echo, time): sends a line, returns the reply line.
 * TCP connects the way Python's socket.create_connection does (every address of the host in turn);
 * UDP sends the line as one datagram and waits for one back.
 */
public final class LineClient implements Closeable {

    /** Which address families to try. */
    public enum Family { ANY, IPV4, IPV6 }

    private final Charset charset;
    private final Socket socket;
    private final DatagramSocket datagrams;
    private final InetSocketAddress server;
    private final InputStream in;
    private final OutputStream out;
    private final int maxReply;

    private LineClient(Charset charset, Socket socket, DatagramSocket datagrams, InetSocketAddress server, int maxReply)
            throws IOException {
        this.charset = charset;
        this.socket = socket;
        this.datagrams = datagrams;
        this.server = server;
        this.in = socket == null ? null : socket.getInputStream();
        this.out = socket == null ? null : socket.getOutputStream();
        this.maxReply = maxReply;
    }

    /**
     * Connects over TCP to the first address of {@code host} that answers.
     *
     * @throws IOException naming the host and port and the last error when none does
     */
    public static LineClient tcp(String host, int port, Family family, Charset charset, Duration timeout) throws IOException {
        Socket socket = connect(host, port, family, timeout);
        return new LineClient(charset, socket, null, (InetSocketAddress) socket.getRemoteSocketAddress(), 1 << 20);
    }

    /**
     * Connects over TCP as {@link #tcp} does, then speaks TLS with the trust given (the host name checked when
     * {@code trust} asks for it).
     *
     * @throws IOException naming the host and port and why the handshake failed
     */
    public static LineClient tls(String host, int port, Family family, Charset charset, Duration timeout, ClientTrust trust)
            throws IOException {
        Socket plain = connect(host, port, family, timeout);
        try {
            return new LineClient(charset, trust.wrap(plain, host), null, (InetSocketAddress) plain.getRemoteSocketAddress(), 1 << 20);
        } catch (SSLException e) {
            String hint = e instanceof SSLHandshakeException ? "" : " (a plain-text port? try without --tls)";
            throw new IOException("TLS with " + host + " port " + port + " failed: " + ClientTrust.refusal(e) + hint, e);
        }
    }

    /**
     * A TCP socket to the first address of {@code host} that answers, with {@code timeout} as its connect
     * and read timeout and Nagle off: Python's socket.create_connection.
     *
     * @throws IOException naming the host and port and the last error when no address answers
     */
    public static Socket connect(String host, int port, Family family, Duration timeout) throws IOException {
        IOException last = null;
        for (InetAddress address : resolve(host, family)) {
            Socket socket = SocketChannel.open().socket(); // a channel underneath: bulk readers read it straight into direct buffers
            try {
                socket.connect(new InetSocketAddress(address, port), (int) timeout.toMillis());
                socket.setSoTimeout((int) timeout.toMillis());
                socket.setTcpNoDelay(true);
                return socket;
            } catch (IOException e) {
                socket.close();
                last = e;
            }
        }
        throw new IOException("cannot connect to " + host + " port " + port + ": " + (last == null ? "no address" : last.getMessage()), last);
    }

    /** Prepares a UDP client for the first address of {@code host}. */
    public static LineClient udp(String host, int port, Family family, Charset charset, Duration timeout) throws IOException {
        InetAddress address = resolve(host, family).getFirst();
        DatagramSocket socket = new DatagramSocket();
        socket.setSoTimeout((int) timeout.toMillis());
        return new LineClient(charset, null, socket, new InetSocketAddress(address, port), 65_507);
    }

    private static List<InetAddress> resolve(String host, Family family) throws UnknownHostException {
        List<InetAddress> all = Arrays.stream(InetAddress.getAllByName(host))
                .filter(a -> family == Family.ANY || (family == Family.IPV4 ? a instanceof Inet4Address : a instanceof Inet6Address))
                .toList();
        if (all.isEmpty()) {
            throw new UnknownHostException(host + " has no " + (family == Family.IPV4 ? "IPv4" : "IPv6") + " address");
        }
        return all;
    }

    public InetSocketAddress server() {
        return server;
    }

    /**
     * Sends {@code line} and returns the reply without its line ending, or null when the server closed.
     * Over TCP the line is sent with a newline and the reply read up to one; over UDP both are one datagram.
     */
    public String exchange(String line) throws IOException {
        if (datagrams != null) {
            byte[] data = line.getBytes(charset);
            datagrams.send(new DatagramPacket(data, data.length, server));
            DatagramPacket reply = new DatagramPacket(new byte[maxReply], maxReply);
            try {
                datagrams.receive(reply);
            } catch (SocketTimeoutException e) {
                throw new IOException("no reply from " + server.getHostString() + " port " + server.getPort()
                        + " within " + datagrams.getSoTimeout() + " ms");
            }
            return new String(reply.getData(), 0, reply.getLength(), charset);
        }
        out.write((line + "\n").getBytes(charset));
        out.flush();
        ByteArrayOutputStream reply = new ByteArrayOutputStream();
        for (int b = in.read(); b != '\n'; b = in.read()) {
            if (reply.size() == 2) {
                refuseTls(reply.toByteArray());
            }
            if (b < 0) {
                refuseTls(reply.toByteArray());
                return reply.size() == 0 ? null : reply.toString(charset);
            }
            if (reply.size() >= maxReply) {
                throw new IOException("reply longer than " + maxReply + " bytes without a line end");
            }
            reply.write(b);
        }
        String text = reply.toString(charset);
        return text.endsWith("\r") ? text.substring(0, text.length() - 1) : text;
    }

    /**
     * A reply that starts as a TLS record (an alert or a handshake, then version 3.x) comes from a TLS port: a plain
     * client would print its bytes as text or wait for a line that never comes.
     */
    private void refuseTls(byte[] start) throws IOException {
        if (start.length >= 2 && (start[0] == 0x15 || start[0] == 0x16) && start[1] == 0x03) {
            throw new IOException(server.getHostString() + " port " + server.getPort()
                    + " answered in TLS: it is a TLS port, and this client speaks plain text (add --tls)");
        }
    }

    @Override
    public void close() throws IOException {
        if (socket != null) {
            socket.close();
        }
        if (datagrams != null) {
            datagrams.close();
        }
    }
}
