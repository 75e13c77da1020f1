package dev.weft.tools.download;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A raw HTTP server for the malformed cases no real server sends: on 127.0.0.1 port 0, it reads each request head,
 * records it, and answers with the bytes {@link Answer} gives for the request's number (1, 2, ...), then closes the
 * connection; an answer may instead hold the connection open, silent, until the server closes.
 */
final class CannedServer implements AutoCloseable {

    /** What to write for request number {@code n}. */
    @FunctionalInterface
    interface Answer {
        Reply reply(int n);
    }

    /** Bytes to send, then either close or stay silent until the server closes. */
    record Reply(byte[] bytes, boolean hold) {
        static Reply close(String text) {
            return new Reply(text.getBytes(StandardCharsets.ISO_8859_1), false);
        }

        static Reply hold(String text) {
            return new Reply(text.getBytes(StandardCharsets.ISO_8859_1), true);
        }
    }

    private final ServerSocket socket;
    private final Answer answer;
    private final List<String> requests = new CopyOnWriteArrayList<>();
    private final ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();
    private final CountDownLatch closing = new CountDownLatch(1);

    CannedServer(Answer answer) throws IOException {
        this.socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        this.answer = answer;
        threads.submit(this::accept);
    }

    URI url(String path) {
        return URI.create("http://127.0.0.1:" + socket.getLocalPort() + path);
    }

    /** Every request head received, in order. */
    List<String> requests() {
        return requests;
    }

    private Void accept() throws IOException {
        while (!socket.isClosed()) {
            Socket connection;
            try {
                connection = socket.accept();
            } catch (IOException e) {
                return null; // closed
            }
            threads.submit(() -> serve(connection));
        }
        return null;
    }

    private Void serve(Socket connection) throws IOException, InterruptedException {
        try (connection) {
            String head = head(connection.getInputStream());
            requests.add(head);
            Reply reply = answer.reply(requests.size());
            connection.getOutputStream().write(reply.bytes());
            connection.getOutputStream().flush();
            if (reply.hold()) {
                closing.await();
            }
        }
        return null;
    }

    private static String head(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int c;
        while ((c = in.read()) >= 0) {
            head.write(c);
            String text = head.toString(StandardCharsets.ISO_8859_1);
            if (text.endsWith("\r\n\r\n")) {
                return text;
            }
        }
        return head.toString(StandardCharsets.ISO_8859_1);
    }

    @Override
    public void close() throws IOException {
        closing.countDown();
        socket.close();
        threads.shutdownNow();
    }
}
