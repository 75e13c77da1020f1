package dev.weft.services.time;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.Arrays;

/** Raw loopback clients for the time tests: exact bytes out, exact bytes back, never waiting forever. */
final class Peer {

    private Peer() {
    }

    static Socket connect(String host, int port) throws IOException {
        Socket socket = new Socket();
        socket.connect(new InetSocketAddress(InetAddress.getByName(host), port), 5000);
        socket.setSoTimeout(10_000);
        socket.setTcpNoDelay(true);
        return socket;
    }

    /** Reads exactly {@code count} bytes, failing if the stream ends first. */
    static byte[] read(Socket socket, int count) throws IOException {
        byte[] data = socket.getInputStream().readNBytes(count);
        if (data.length < count) {
            throw new IOException("stream ended after " + data.length + " of " + count + " bytes: "
                    + new String(data, java.nio.charset.StandardCharsets.UTF_8));
        }
        return data;
    }

    /** Reads until the peer closes. */
    static byte[] readAll(Socket socket) throws IOException {
        InputStream in = socket.getInputStream();
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        in.transferTo(all);
        return all.toByteArray();
    }

    /** Sends one datagram and returns the one reply. */
    static byte[] exchange(String host, int port, byte[] request) throws IOException {
        try (DatagramSocket socket = new DatagramSocket(0, InetAddress.getByName(host))) {
            socket.setSoTimeout(10_000);
            socket.send(new DatagramPacket(request, request.length, new InetSocketAddress(InetAddress.getByName(host), port)));
            DatagramPacket reply = new DatagramPacket(new byte[70_000], 70_000);
            socket.receive(reply);
            return Arrays.copyOf(reply.getData(), reply.getLength());
        }
    }
}
