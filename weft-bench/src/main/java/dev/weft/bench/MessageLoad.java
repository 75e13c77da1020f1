package dev.weft.bench;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A closed-loop load generator for line services: N clients, each a virtual thread with its own keep-alive
 * TCP connection, send a line and wait for the reply line, again and again until the time is up.
 * Counts completed round trips and failures; a client the server never answers stops at the deadline.
 */
final class MessageLoad {

    private static final byte[] MESSAGE = "weft bench message\n".getBytes(StandardCharsets.US_ASCII);

    /** @param messagesPerSecond round trips completed per second over all clients */
    record Result(int clients, double messagesPerSecond, long messages, long failures) {
    }

    private MessageLoad() {
    }

    static Result run(int port, int clients, Duration duration) throws InterruptedException {
        AtomicLong messages = new AtomicLong();
        AtomicLong failures = new AtomicLong();
        long start = System.nanoTime();
        long deadline = start + duration.toNanos();
        List<Thread> threads = new ArrayList<>(clients);
        for (int i = 0; i < clients; i++) {
            threads.add(Thread.ofVirtual().start(() -> {
                try (Socket socket = new Socket()) {
                    socket.connect(new InetSocketAddress("127.0.0.1", port), (int) Math.max(1, duration.toMillis()));
                    socket.setTcpNoDelay(true);
                    OutputStream out = socket.getOutputStream();
                    InputStream in = new BufferedInputStream(socket.getInputStream());
                    while (System.nanoTime() < deadline) {
                        socket.setSoTimeout((int) Math.max(1, (deadline - System.nanoTime()) / 1_000_000));
                        out.write(MESSAGE);
                        out.flush();
                        readLine(in);
                        messages.incrementAndGet();
                    }
                } catch (java.net.SocketTimeoutException e) {
                    // the deadline passed while waiting for a reply: not a failure, the server was busy
                } catch (IOException e) {
                    failures.incrementAndGet();
                }
            }));
        }
        for (Thread t : threads) {
            t.join(duration.toMillis() + 10_000);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        return new Result(clients, messages.get() / seconds, messages.get(), failures.get());
    }

    private static void readLine(InputStream in) throws IOException {
        for (int b; (b = in.read()) != '\n'; ) {
            if (b < 0) {
                throw new IOException("connection closed before the reply line ended");
            }
        }
    }
}
