package dev.weft.engine;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLEngineResult;
import javax.net.ssl.SSLEngineResult.HandshakeStatus;
import javax.net.ssl.SSLException;

/**
 * TLS for one event-loop connection with an {@link SSLEngine}: unwraps what arrives into plaintext for the
 * protocol, and wraps what the protocol writes into records for the wire. Application writes made before
 * the handshake finishes wait here until it does.
 */
final class TlsCodec {

    private static final ByteBuffer EMPTY = ByteBuffer.allocate(0);

    private final SSLEngine engine;
    private final ChannelSession session;
    private ByteBuffer netIn;
    private ByteBuffer appIn;
    private final List<ByteBuffer> waiting = new ArrayList<>();
    private boolean handshakeDone;

    TlsCodec(ServerConfig config, ChannelSession session) {
        this.engine = config.tls().createSSLEngine();
        this.engine.setUseClientMode(false);
        this.engine.setSSLParameters(config.tlsParameters(engine.getSSLParameters(), engine.getSupportedCipherSuites(),
                engine.getSupportedProtocols()));
        this.session = session;
        this.netIn = ByteBuffer.allocate(engine.getSession().getPacketBufferSize());
        this.appIn = ByteBuffer.allocate(engine.getSession().getApplicationBufferSize());
    }

    void begin() {
        try {
            engine.beginHandshake();
        } catch (SSLException e) {
            session.closeNow(e);
        }
    }

    boolean handshakeDone() {
        return handshakeDone;
    }

    /** Takes bytes read from the wire. */
    void receive(ByteBuffer net) {
        if (netIn.remaining() < net.remaining()) {
            ByteBuffer bigger = ByteBuffer.allocate(netIn.position() + net.remaining() + engine.getSession().getPacketBufferSize());
            netIn.flip();
            bigger.put(netIn);
            netIn = bigger;
        }
        netIn.put(net);
        try {
            unwrapAll();
        } catch (SSLException e) {
            refuse(e);
        }
    }

    private void unwrapAll() throws SSLException {
        while (session.isOpen()) {
            netIn.flip();
            SSLEngineResult result = engine.unwrap(netIn, appIn);
            netIn.compact();
            if (appIn.position() > 0) {
                appIn.flip();
                session.deliver(appIn);
                appIn.clear();
            }
            switch (result.getStatus()) {
                case BUFFER_OVERFLOW -> {
                    appIn = ByteBuffer.allocate(appIn.capacity() * 2);
                    continue;
                }
                case CLOSED -> {
                    session.endInput();
                    return;
                }
                default -> {
                }
            }
            boolean progressed = handshake(result.getHandshakeStatus());
            if (result.getStatus() == SSLEngineResult.Status.BUFFER_UNDERFLOW && !progressed) {
                return;
            }
            if (result.bytesConsumed() == 0 && result.bytesProduced() == 0 && !progressed) {
                return;
            }
        }
    }

    /**
     * Ends a connection whose records or handshake were refused with the alert the engine prepared (handshake
     * failure, protocol version, bad record...), as an {@code SSLSocket} does on the blocking models, then closes.
     */
    private void refuse(SSLException cause) {
        try {
            engine.closeOutbound();
            while (session.isOpen()) {
                ByteBuffer out = ByteBuffer.allocate(engine.getSession().getPacketBufferSize());
                SSLEngineResult result = engine.wrap(EMPTY, out);
                if (result.bytesProduced() == 0) {
                    break;
                }
                session.writeRaw(out.flip());
            }
        } catch (SSLException e) {
            cause.addSuppressed(e);
        }
        session.closeAfterFlush(cause);
    }

    /** Advances the handshake as far as it goes without new input; true if it did anything. */
    private boolean handshake(HandshakeStatus status) throws SSLException {
        boolean progressed = false;
        while (true) {
            switch (status) {
                case NEED_TASK -> {
                    for (Runnable task = engine.getDelegatedTask(); task != null; task = engine.getDelegatedTask()) {
                        task.run();
                    }
                    status = engine.getHandshakeStatus();
                    progressed = true;
                }
                case NEED_WRAP -> {
                    ByteBuffer out = ByteBuffer.allocate(engine.getSession().getPacketBufferSize());
                    SSLEngineResult result = engine.wrap(EMPTY, out);
                    session.writeRaw(out.flip());
                    status = result.getHandshakeStatus();
                    progressed = true;
                    if (result.getStatus() == SSLEngineResult.Status.CLOSED) {
                        return progressed;
                    }
                }
                case FINISHED -> {
                    finished();
                    return true;
                }
                case NOT_HANDSHAKING -> {
                    if (!handshakeDone) {
                        finished();
                    }
                    return progressed;
                }
                default -> {
                    return progressed;
                }
            }
        }
    }

    private void finished() throws SSLException {
        handshakeDone = true;
        List<ByteBuffer> pending = List.copyOf(waiting);
        waiting.clear();
        for (ByteBuffer data : pending) {
            wrapNow(data);
        }
    }

    /** Encrypts and sends {@code data}, or keeps a copy until the handshake is done. */
    void wrap(ByteBuffer data) {
        if (!handshakeDone) {
            waiting.add(ByteBuffer.allocate(data.remaining()).put(data).flip());
            return;
        }
        try {
            wrapNow(data);
        } catch (SSLException e) {
            session.closeNow(e);
        }
    }

    private void wrapNow(ByteBuffer data) throws SSLException {
        while (data.hasRemaining()) {
            session.writeRaw(seal(data));
        }
    }

    /** One TLS record carrying as much of {@code plain} as fits, ready to write. */
    ByteBuffer seal(ByteBuffer plain) throws SSLException {
        ByteBuffer out = ByteBuffer.allocate(engine.getSession().getPacketBufferSize());
        SSLEngineResult result = engine.wrap(plain, out);
        if (result.getStatus() != SSLEngineResult.Status.OK) {
            throw new SSLException("cannot encrypt: " + result.getStatus());
        }
        return out.flip();
    }

    void closeOutbound() {
        engine.closeOutbound();
        try {
            handshake(engine.getHandshakeStatus());
        } catch (SSLException e) {
            session.closeNow(e);
        }
    }
}
