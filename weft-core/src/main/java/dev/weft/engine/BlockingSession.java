package dev.weft.engine;

import java.io.IOException;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import javax.net.ssl.SSLSocket;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serves one accepted connection on the calling thread, in one try/finally that always closes it and
 * releases its slot: a {@link StreamHandler} directly, a {@link Protocol} through {@link StreamTransport}.
 */
final class BlockingSession {

    private static final Logger log = LoggerFactory.getLogger(BlockingSession.class);

    private final ServerConfig config;
    private final Handler handler;
    private final ConnectionTracker tracker;
    private final ServerMetrics metrics;
    private final ScheduledExecutorService timer;

    BlockingSession(ServerConfig config, Handler handler, ConnectionTracker tracker, ServerMetrics metrics,
                    ScheduledExecutorService timer) {
        this.config = config;
        this.handler = handler;
        this.tracker = tracker;
        this.metrics = metrics;
        this.timer = timer;
    }

    /** Serves {@code channel}, whose slot in the tracker is already reserved. */
    void serve(SocketChannel channel) {
        ConnectionTracker.Live live = null;
        try (channel) {
            channel.configureBlocking(true);
            Socket socket = channel.socket();
            socket.setTcpNoDelay(true);
            socket.setSoTimeout(Math.toIntExact(config.limits().idleTimeout().toMillis()));
            if (config.tls() != null) {
                SSLSocket secure = (SSLSocket) config.tls().getSocketFactory()
                        .createSocket(socket, null, socket.getPort(), true);
                secure.setUseClientMode(false);
                secure.setSSLParameters(config.tlsParameters(secure.getSSLParameters(), secure.getSupportedCipherSuites(),
                        secure.getSupportedProtocols()));
                handshake(secure);
                socket = secure;
            }
            Connection connection = new Connection(socket, channel, metrics);
            switch (handler) {
                case StreamHandler stream -> {
                    live = new ConnectionTracker.Live(connection::drain, connection::close, connection::writingSince);
                    tracker.add(live);
                    stream.handle(connection);
                }
                case ProtocolFactory factory -> {
                    StreamTransport transport = new StreamTransport(connection, factory.create(), timer, metrics);
                    live = new ConnectionTracker.Live(transport::drain, transport::abort, connection::writingSince);
                    tracker.add(live);
                    transport.run();
                }
            }
        } catch (SocketTimeoutException e) {
            log.debug("{}: closing idle connection: {}", config.service(), e.getMessage());
        } catch (IOException e) {
            log.debug("{}: connection ended: {}", config.service(), e.toString());
        } catch (RuntimeException e) {
            metrics.error();
            log.warn("{}: handler failed on a connection", config.service(), e);
        } finally {
            tracker.remove(live);
        }
    }

    /**
     * Runs the TLS handshake before the handler sees the connection, within {@link Limits#tlsHandshakeLimit()} in
     * all: a read timeout alone would let a client that drips a byte now and then hold the connection, so a timer
     * closes the socket at the deadline (a stalled ClientHello held a connection for the whole idle timeout).
     */
    private void handshake(SSLSocket secure) throws IOException {
        long limit = config.limits().tlsHandshakeLimit().toMillis();
        int idle = secure.getSoTimeout();
        secure.setSoTimeout(Math.toIntExact(limit));
        AtomicBoolean cut = new AtomicBoolean();
        ScheduledFuture<?> deadline = timer.schedule(() -> {
            cut.set(true);
            closeQuietly(secure);
        }, limit, TimeUnit.MILLISECONDS);
        try {
            secure.startHandshake();
        } catch (IOException e) {
            if (cut.get()) {
                throw new SocketTimeoutException("TLS handshake not finished within " + limit + " ms");
            }
            throw e;
        } finally {
            deadline.cancel(false);
        }
        secure.setSoTimeout(idle);
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException e) {
            log.debug("closing a connection whose handshake ran out of time: {}", e.toString());
        }
    }

    /** Writes the overload reply to a connection refused for the connection limit, without waiting long. */
    static void reject(SocketChannel channel, byte[] reply) {
        try (channel) {
            if (reply.length > 0) {
                channel.configureBlocking(false);
                channel.write(ByteBuffer.wrap(reply));
            }
        } catch (IOException e) {
            log.debug("could not send the overload reply: {}", e.toString());
        }
    }
}
