package dev.weft.http.h1;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.weft.engine.Protocol;
import dev.weft.engine.Transport;
import dev.weft.http.HttpHandler;
import dev.weft.http.HttpSettings;

/**
 * HTTP/1.1 as the engine's protocol, the same on every concurrency model. On the event loop a
 * {@link HttpHandler#nonBlocking() non-blocking} handler is answered inline, from {@code dataReceived}, for requests
 * without a body, on the selector thread as nginx and Netty do. The first step that may block (a body, a streamed
 * response, an error to linger over), and a blocking handler from the start, hands the connection to the engine
 * ({@link Transport#handOff}), which runs {@link Http1Connection#run()} where blocking is allowed: the bytes
 * already appended stay in the connection's buffer, the rest arrive through the engine's
 * {@link dev.weft.engine.Connection}. The engine owns the threads, the back-pressure and the bookkeeping. Where the
 * transport already runs on a thread of its own ({@link Transport#ownThread()}: the blocking models) every
 * connection hands off at once, since inline serving there measured a little more CPU per request.
 *
 * <p>This object is also the connection's {@link Source} and {@link Sink}: the transport before the hand-off,
 * the engine's connection after it.
 */
public final class Http1Protocol implements Protocol, Source, Sink {

    private static final Logger log = LoggerFactory.getLogger(Http1Protocol.class);

    private final HttpHandler handler;
    private final HttpSettings settings;
    private final long idleMillis;
    private Transport transport;
    private Http1Connection connection;
    /** Protocol callbacks only: whether the connection went to the engine's blocking handler. */
    private boolean handedOff;
    /** Protocol callbacks only: the 408 timer of a partial head on the inline path. */
    private Transport.Cancellable headTimer;
    private volatile boolean draining;
    /** The engine's connection once handed off; used only by the thread running {@link Http1Connection#run()}. */
    private ConnectionEnds blocking;

    public Http1Protocol(HttpHandler handler, HttpSettings settings, long idleMillis) {
        this.handler = handler;
        this.settings = settings;
        this.idleMillis = idleMillis;
    }

    @Override
    public void connectionMade(Transport transport) {
        this.transport = transport;
        this.connection = new Http1Connection(this, this, handler, settings, idleMillis, transport.remoteAddress());
        if (!handler.nonBlocking() || transport.ownThread()) {
            handOff(); // on a thread of its own the blocking loop is the cheaper path (measured: docs/benchmarks.md)
        }
    }

    private void handOff() {
        handedOff = true;
        cancelHeadTimer();
        transport.handOff(engine -> {
            blocking = new ConnectionEnds(engine);
            connection.run();
        });
    }

    @Override
    public void dataReceived(ByteBuffer data) {
        long served = connection.served();
        connection.received(data);
        Http1Connection.Next next;
        try {
            next = connection.serveBuffered();
        } catch (IOException e) {
            log.debug("HTTP connection from {} ended: {}", transport.remoteAddress(), e.toString());
            cancelHeadTimer();
            transport.close();
            return;
        }
        if (next == Http1Connection.Next.CLOSED) {
            cancelHeadTimer();
            return;
        }
        if (next == Http1Connection.Next.BLOCKING || data.hasRemaining()) {
            handOff(); // what is left in data reaches the connection through the engine, first
            return;
        }
        if (connection.served() != served || !connection.partialHead()) {
            cancelHeadTimer();
        }
        if (connection.partialHead()) {
            if (headTimer == null) {
                headTimer = transport.schedule(settings.headerTimeout(), () -> {
                    headTimer = null;
                    connection.headTimedOut();
                });
            }
        } else if (draining) {
            transport.close();
        }
    }

    private void cancelHeadTimer() {
        if (headTimer != null) {
            headTimer.cancel();
            headTimer = null;
        }
    }

    @Override
    public void connectionLost(Throwable cause) {
        cancelHeadTimer();
    }

    @Override
    public void shutdownRequested(Transport transport) {
        draining = true;
        if (!handedOff && !connection.partialHead()) {
            cancelHeadTimer();
            transport.close();
        }
    }

    @Override
    public int read(byte[] b, int off, int len, long timeoutMillis, boolean betweenRequests) throws IOException {
        if (blocking == null) {
            throw new IllegalStateException("an HTTP connection read before it was handed off");
        }
        return blocking.read(b, off, len, timeoutMillis, betweenRequests);
    }

    @Override
    public boolean draining() {
        return blocking != null ? blocking.draining() : draining;
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        if (blocking != null) {
            blocking.write(b, off, len);
        } else {
            transport.write(ByteBuffer.wrap(b, off, len));
        }
    }

    @Override
    public void sendFile(FileChannel file, long position, long count) throws IOException {
        if (blocking != null) {
            blocking.sendFile(file, position, count);
        } else {
            transport.sendFile(file, position, count);
        }
    }

    @Override
    public void close() {
        if (blocking != null) {
            blocking.close();
        } else {
            transport.close();
        }
    }

    @Override
    public boolean isSecure() {
        return transport.isSecure();
    }
}
