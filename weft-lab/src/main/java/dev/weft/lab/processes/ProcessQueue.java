package dev.weft.lab.processes;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A queue between processes, like Python's {@code multiprocessing.Queue}, owned by the process that reads it:
 * {@link #open} listens on 127.0.0.1, other processes get a {@link Writer} with {@link #writer(int)} and
 * {@link Writer#put} messages, each one a {@link Pipe} frame. The owner {@link #take}s them from a bounded buffer;
 * when the buffer is full, the reading threads stop reading and the writers' sockets fill, so a fast producer is
 * slowed to the consumer's pace (back-pressure) instead of growing memory. Messages from one writer keep their order.
 */
public final class ProcessQueue implements AutoCloseable {

    private final ServerSocket server;
    private final BlockingQueue<String> buffer;
    private final AtomicInteger connected = new AtomicInteger();
    private final AtomicInteger ended = new AtomicInteger();

    private ProcessQueue(ServerSocket server, int capacity) {
        this.server = server;
        this.buffer = new ArrayBlockingQueue<>(capacity);
    }

    /** Opens a queue holding at most {@code capacity} unread messages; writers may connect once this returns. */
    public static ProcessQueue open(int capacity) throws IOException {
        if (capacity < 1) {
            throw new IllegalArgumentException("a process queue holds at least 1 message, not " + capacity);
        }
        ProcessQueue queue = new ProcessQueue(new ServerSocket(0, 50, InetAddress.getLoopbackAddress()), capacity);
        Thread.ofPlatform().daemon().name("weft-process-queue-accept").start(queue::accept);
        return queue;
    }

    /** The port writers connect to. */
    public int port() {
        return server.getLocalPort();
    }

    /** Takes the next message, waiting for one. */
    public String take() throws InterruptedException {
        return buffer.take();
    }

    /** Takes the next message, waiting at most {@code timeout}; empty if none came ({@code queue.Empty}). */
    public Optional<String> poll(Duration timeout) throws InterruptedException {
        return Optional.ofNullable(buffer.poll(timeout.toNanos(), TimeUnit.NANOSECONDS));
    }

    /** Writers that connected, and those that closed their end. */
    public int writersConnected() {
        return connected.get();
    }

    public int writersEnded() {
        return ended.get();
    }

    private void accept() {
        try {
            while (true) {
                Socket socket = server.accept();
                connected.incrementAndGet();
                Thread.ofPlatform().daemon().name("weft-process-queue-read").start(() -> read(socket));
            }
        } catch (IOException e) {
            // the queue was closed: no more writers
        }
    }

    private void read(Socket socket) {
        try (Socket s = socket) {
            s.setTcpNoDelay(true);
            Pipe pipe = Pipe.over(s);
            for (Optional<String> message = pipe.receive(); message.isPresent(); message = pipe.receive()) {
                buffer.put(message.get());
            }
        } catch (SocketException e) {
            // the writer went away mid-frame, or the queue closed: its remaining messages are lost, as in Python
        } catch (IOException e) {
            // a stream that is not a pipe's: drop the writer
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            ended.incrementAndGet();
        }
    }

    /** Connects a writer to the queue listening on {@code port} of 127.0.0.1. */
    public static Writer writer(int port) throws IOException {
        return new Writer(Pipe.connect(port));
    }

    @Override
    public void close() throws IOException {
        server.close();
    }

    /** One process's end for putting messages; close it when done so the reader sees the writer end. */
    public static final class Writer implements AutoCloseable {
        private final Pipe pipe;

        private Writer(Pipe pipe) {
            this.pipe = pipe;
        }

        /** Sends one message; blocks only when the queue's buffer and the socket are both full. */
        public synchronized void put(String message) throws IOException {
            pipe.send(message);
        }

        @Override
        public void close() throws IOException {
            pipe.close();
        }
    }
}
