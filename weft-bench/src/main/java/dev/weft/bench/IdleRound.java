package dev.weft.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Opens many keep-alive connections to a server, each after one answered {@code GET /route} (weft's web app, as a
 * user serves it), holds them
 * idle, and reports the server's resident memory per connection. Stops at the first connection that
 * is refused or not answered within 5 s (a fixed pool of threads cannot hold more than its size).
 */
final class IdleRound {

    private static final byte[] REQUEST = ("GET " + Endpoint.ROUTE.path() + " HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
            .getBytes(StandardCharsets.US_ASCII);
    private static final int OPENERS = 8;

    private IdleRound() {
    }

    static HttpReport.IdleResult run(RunningServer server, int count) throws InterruptedException {
        long before = server.stats().rssKiB();
        ConcurrentLinkedQueue<Socket> open = new ConcurrentLinkedQueue<>();
        AtomicReference<String> error = new AtomicReference<>();
        List<Thread> openers = new ArrayList<>();
        for (int t = 0; t < OPENERS; t++) {
            int share = count / OPENERS + (t < count % OPENERS ? 1 : 0);
            openers.add(Thread.ofVirtual().start(() -> {
                for (int i = 0; i < share && error.get() == null; i++) {
                    try {
                        open.add(openOne(server.port(Endpoint.ROUTE)));
                    } catch (IOException e) {
                        error.compareAndSet(null, "connection " + (open.size() + 1) + ": " + e.getMessage());
                    }
                }
            }));
        }
        for (Thread t : openers) {
            t.join();
        }
        long after = server.stats().rssKiB();
        int opened = open.size();
        for (Socket s : open) {
            try {
                s.close();
            } catch (IOException e) {
                error.compareAndSet(null, "closing: " + e.getMessage());
            }
        }
        double perConnection = opened == 0 ? 0 : (after - before) / (double) opened;
        return new HttpReport.IdleResult(server.contender().name(), count, opened, before, after, perConnection, error.get());
    }

    /** A connection that has had its one response read in full and stays open. */
    private static Socket openOne(int port) throws IOException {
        Socket socket = new Socket();
        try {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 5000);
            socket.setSoTimeout(5000);
            OutputStream out = socket.getOutputStream();
            out.write(REQUEST);
            out.flush();
            readHello(socket.getInputStream());
            return socket;
        } catch (IOException e) {
            socket.close();
            throw e;
        }
    }

    /** Reads until the response's body, "Hello, World!", has arrived. */
    private static void readHello(InputStream in) throws IOException {
        StringBuilder seen = new StringBuilder();
        byte[] buffer = new byte[512];
        while (!seen.toString().endsWith(dev.weft.bench.servers.ServerArgs.HELLO)) {
            int n = in.read(buffer);
            if (n < 0) {
                throw new IOException("closed before the response was complete");
            }
            seen.append(new String(buffer, 0, n, StandardCharsets.ISO_8859_1));
        }
    }
}
