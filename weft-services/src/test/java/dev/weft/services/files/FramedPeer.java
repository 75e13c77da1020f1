package dev.weft.services.files;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

import dev.weft.engine.TcpServer;

/** A hand-driven framed-protocol client for tests that must send what a correct client never would. */
final class FramedPeer implements AutoCloseable {

    final Socket socket;
    final InputStream in;
    final OutputStream out;

    FramedPeer(TcpServer server) throws IOException {
        socket = new Socket("127.0.0.1", server.port());
        socket.setSoTimeout(10_000);
        in = socket.getInputStream();
        out = socket.getOutputStream();
        send(Wire.HELLO);
        String hello = line();
        if (hello == null || !hello.startsWith(Wire.VERSION)) {
            throw new IOException("bad hello reply: " + hello);
        }
    }

    void send(String line) throws IOException {
        out.write((line + "\n").getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    void sendBytes(byte[] bytes) throws IOException {
        out.write(bytes);
        out.flush();
    }

    String line() throws IOException {
        return Wire.readLine(in);
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
