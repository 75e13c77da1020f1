package dev.weft.tools.download;

import java.io.Closeable;
import java.io.EOFException;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.function.Supplier;

import dev.weft.client.ClientTrust;
import dev.weft.client.StallWatch;
import dev.weft.http.h1.BodyFraming;
import dev.weft.http.h1.ChunkedDecoder;
import dev.weft.http.h1.MalformedResponseException;
import dev.weft.http.h1.ResponseHead;
import dev.weft.http.h1.ResponseParser;

/**
 * One GET over HTTP/1.1 on a connection of its own, read the most direct way: the response head is parsed from the
 * first bytes read, and the body is handed out as views of the same reused buffer the socket reads into (a direct
 * buffer, so a plain-http body goes socket, buffer, file without a copy through the heap and without a hand-off
 * between threads). A connection whose body ended cleanly goes back to the run's {@link Connections} for the next
 * fetch from the same origin, unless the server said it closes it; a reused connection that turns out closed is
 * replaced by a new one, once. A {@link StallWatch} closes the connection when it has been silent for the timeout,
 * in connect, handshake, head or body alike.
 */
final class Exchange implements AutoCloseable {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(Exchange.class);

    private final ByteBuffer buffer;
    private final StallWatch watch;
    private final Connections connections;
    private final URI url;
    private volatile Closeable socket;
    private Wire wire;
    private ResponseHead head;
    private long remaining;
    private ChunkedDecoder chunks;
    private int end;
    private boolean done;

    private Exchange(URI url, ByteBuffer buffer, Duration timeout, Connections connections) {
        this.url = url;
        this.buffer = buffer;
        this.connections = connections;
        this.watch = StallWatch.start(timeout, this::abort);
    }

    /**
     * Sends a GET for {@code url} with {@code headers} besides Host, User-Agent and Accept-Encoding, on an idle
     * connection to its origin or a new one, and reads the response head (skipping 1xx answers). {@code trust} is
     * asked only for a new https connection. {@code buffer} is the read buffer, used until {@link #close()}.
     */
    static Exchange open(URI url, Map<String, String> headers, Duration timeout, Supplier<ClientTrust> trust,
                         ByteBuffer buffer, Connections connections) throws IOException {
        byte[] request = request(url, headers);
        Wire idle = connections.take(url);
        if (idle != null) {
            Exchange exchange = new Exchange(url, buffer, timeout, connections);
            try {
                exchange.use(idle);
                exchange.ask(request);
                return exchange;
            } catch (IOException | RuntimeException e) {
                exchange.close();
                LOG.debug("a kept connection to {} failed ({}); asking on a new one", Connections.origin(url), e.toString());
            }
        }
        Exchange exchange = new Exchange(url, buffer, timeout, connections);
        try {
            exchange.connect(timeout, trust);
            exchange.ask(request);
            return exchange;
        } catch (IOException | RuntimeException e) {
            exchange.close();
            if (exchange.stalled()) {
                throw new IOException("no response for " + timeout.toMillis() + " ms", e);
            }
            throw e;
        }
    }

    private void use(Wire idle) {
        wire = idle;
        socket = idle::abort;
    }

    private void ask(byte[] request) throws IOException {
        wire.send(request);
        readHead();
    }

    ResponseHead head() {
        return head;
    }

    /** Whether the stall watch closed the connection because nothing came for the timeout. */
    boolean stalled() {
        return watch.stalled();
    }

    private void connect(Duration timeout, Supplier<ClientTrust> trust) throws IOException {
        boolean tls = "https".equalsIgnoreCase(url.getScheme());
        String host = url.getHost();
        if (host == null) {
            throw new IOException("no host in " + url);
        }
        String bare = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        InetAddress address;
        try {
            address = InetAddress.getByName(bare);
        } catch (UnknownHostException e) {
            throw new IOException("unknown host " + bare, e);
        }
        InetSocketAddress to = new InetSocketAddress(address, url.getPort() >= 0 ? url.getPort() : tls ? 443 : 80);
        wire = tls ? Wire.connectTls(to, bare, timeout, trust.get(), opened -> socket = opened)
                : Wire.connect(to, timeout, opened -> socket = opened);
    }

    static byte[] request(URI url, Map<String, String> headers) {
        URI ascii = URI.create(url.toASCIIString());
        String path = ascii.getRawPath() == null || ascii.getRawPath().isEmpty() ? "/" : ascii.getRawPath();
        String target = ascii.getRawQuery() == null ? path : path + "?" + ascii.getRawQuery();
        String host = ascii.getHost() + (ascii.getPort() >= 0 ? ":" + ascii.getPort() : "");
        StringBuilder text = new StringBuilder(256).append("GET ").append(target).append(" HTTP/1.1\r\n")
                .append("Host: ").append(host).append("\r\n")
                .append("User-Agent: weft\r\nAccept-Encoding: identity\r\n");
        headers.forEach((name, value) -> text.append(name).append(": ").append(value).append("\r\n"));
        return text.append("\r\n").toString().getBytes(StandardCharsets.ISO_8859_1);
    }

    /** Reads until a final response head is complete; the bytes after it stay in the buffer as the body's first. */
    private void readHead() throws IOException {
        ResponseParser parser = new ResponseParser();
        byte[] bytes = new byte[4096];
        int used = 0;
        buffer.clear().flip();
        while (true) {
            if (!buffer.hasRemaining() && fill(buffer.capacity()) < 0) {
                if (used > 1 && tlsRecord(bytes)) {
                    throw new MalformedResponseException("the server answered in TLS: use an https:// URL");
                }
                throw new EOFException(used == 0 ? "the server closed the connection without a response"
                        : "the server closed the connection in the middle of the response head");
            }
            int take = Math.min(buffer.remaining(), ResponseParser.MAX_HEAD_BYTES + 1 - used);
            if (used + take > bytes.length) {
                bytes = Arrays.copyOf(bytes, Math.min(ResponseParser.MAX_HEAD_BYTES + 1, Math.max(used + take, bytes.length * 2)));
            }
            buffer.get(bytes, used, take);
            used += take;
            ResponseHead parsed = parser.parse(bytes, 0, used);
            if (parsed != null) {
                buffer.position(buffer.position() - (used - parsed.size())); // the rest is body (or the next head)
                if (!parsed.informational()) {
                    startBody(parsed);
                    return;
                }
                parser.reset();
                used = 0;
            }
        }
    }

    /** Whether a response starts like a TLS record (an alert or a handshake, version 3.x): a TLS port asked in plain http. */
    private static boolean tlsRecord(byte[] bytes) {
        return (bytes[0] == 0x15 || bytes[0] == 0x16) && bytes[1] == 3;
    }

    private void startBody(ResponseHead parsed) {
        head = parsed;
        end = buffer.limit();
        switch (parsed.framing()) {
            case BodyFraming.Length length -> remaining = length.bytes();
            case BodyFraming.Chunked chunked -> chunks = new ChunkedDecoder();
            case BodyFraming.UntilClose close -> remaining = -1;
        }
    }

    /**
     * The next bytes of the body: the read buffer from its position to its limit, valid until the next call, which
     * expects them consumed. Null when the body is complete.
     *
     * @throws EOFException when the connection ends before the body does
     */
    ByteBuffer body() throws IOException {
        if (done) {
            return null;
        }
        buffer.limit(end);
        if (chunks != null) {
            while (true) {
                int n = chunks.next(buffer);
                if (n > 0) {
                    return view(n);
                }
                if (chunks.finished()) {
                    return finish();
                }
                if (fill(buffer.capacity()) < 0) {
                    throw new EOFException("the connection closed in the middle of the chunked body");
                }
            }
        }
        if (remaining == 0) {
            return finish();
        }
        if (!buffer.hasRemaining() && fill(remaining < 0 ? buffer.capacity() : (int) Math.min(buffer.capacity(), remaining)) < 0) {
            if (remaining < 0) {
                return finish();
            }
            throw new EOFException("the connection closed " + remaining + " bytes before the end of the body");
        }
        int n = remaining < 0 ? buffer.remaining() : (int) Math.min(remaining, buffer.remaining());
        if (remaining > 0) {
            remaining -= n;
        }
        return view(n);
    }

    private ByteBuffer view(int n) {
        buffer.limit(buffer.position() + n);
        return buffer;
    }

    private ByteBuffer finish() {
        done = true;
        return null;
    }

    /** Reads at most {@code max} bytes into the emptied buffer; -1 at end of stream. */
    private int fill(int max) throws IOException {
        buffer.clear().limit(max);
        int n = wire.read(buffer);
        buffer.flip();
        end = buffer.limit();
        if (n > 0) {
            watch.progressed();
        }
        return n;
    }

    private void abort() {
        Closeable open = socket;
        if (open != null) {
            try {
                open.close();
            } catch (IOException e) {
                LOG.debug("closing a connection: {}", e.toString());
            }
        }
    }

    /** Ends the exchange: a connection whose body ended cleanly and that the server keeps open is kept for the next. */
    @Override
    public void close() {
        watch.close(); // after this the watch no longer closes the connection
        if (wire == null) {
            abort();
        } else if (done && head.keepAlive() && !buffer.hasRemaining() && !watch.stalled()) {
            connections.give(url, wire);
        } else {
            wire.abort();
        }
    }
}
