package dev.weft.gui;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.concurrent.CountDownLatch;

/**
 * A TCP proxy in front of a server that lets the first {@code limit} bytes of each reply through and holds the
 * rest until {@link #open()}: a download through it reaches a known point and waits there, so a test can cancel
 * it mid-way without racing a fast loopback transfer.
 */
final class GatedProxy implements AutoCloseable {

    private final ServerSocket listener;
    private final InetSocketAddress target;
    private final long limit;
    private final CountDownLatch gate = new CountDownLatch(1);

    GatedProxy(InetSocketAddress target, long limit) throws IOException {
        this.target = target;
        this.limit = limit;
        this.listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread.ofVirtual().name("gated-proxy").start(this::accept);
    }

    int port() {
        return listener.getLocalPort();
    }

    /** Lets every byte through from now on. */
    void open() {
        gate.countDown();
    }

    private void accept() {
        while (!listener.isClosed()) {
            try {
                Socket client = listener.accept();
                Socket server = new Socket(target.getAddress(), target.getPort());
                Thread.ofVirtual().start(() -> pipe(client, server, Long.MAX_VALUE));
                Thread.ofVirtual().start(() -> pipe(server, client, limit));
            } catch (IOException e) {
                return; // closed
            }
        }
    }

    private void pipe(Socket from, Socket to, long freeBytes) {
        byte[] buffer = new byte[16 * 1024];
        long passed = 0;
        try (from; to) {
            InputStream in = from.getInputStream();
            OutputStream out = to.getOutputStream();
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                if (passed + n > freeBytes) {
                    out.write(buffer, 0, (int) Math.max(0, freeBytes - passed));
                    out.flush();
                    gate.await();
                    out.write(buffer, (int) Math.max(0, freeBytes - passed), n - (int) Math.max(0, freeBytes - passed));
                } else {
                    out.write(buffer, 0, n);
                }
                out.flush();
                passed += n;
            }
        } catch (IOException | InterruptedException e) {
            // one side closed: the other is closed by try-with-resources
        }
    }

    @Override
    public void close() throws IOException {
        open();
        listener.close();
    }
}
