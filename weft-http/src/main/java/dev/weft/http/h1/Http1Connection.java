package dev.weft.http.h1;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.time.ZonedDateTime;
import java.util.concurrent.ThreadLocalRandom;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.weft.http.AccessLog;
import dev.weft.http.HttpHandler;
import dev.weft.http.HttpProtocolException;
import dev.weft.http.HttpRequest;
import dev.weft.http.HttpResponse;
import dev.weft.http.HttpSettings;
import dev.weft.http.HttpStatus;
import dev.weft.http.ResponseBody;

/**
 * HTTP/1.1 on one connection (RFC 9112), written once as a blocking loop over a {@link Source} and a
 * {@link Sink} so that every concurrency model runs the same protocol logic: read a head (408 when a
 * started head takes too long, a quiet close when a kept-alive connection stays idle), call the handler,
 * send the response, and go on while both sides keep the connection alive. Pipelined requests are simply
 * the next bytes in the buffer, so they are answered in order.
 */
public final class Http1Connection {

    private static final Logger log = LoggerFactory.getLogger(Http1Connection.class);
    /** Unread request body the server reads and drops to keep a connection; more than this closes it. */
    private static final long DISCARD_LIMIT = 256 * 1024;
    private static final long LINGER_MILLIS = 1000;
    private static final long LINGER_BYTES = 1 << 20;
    private static final long LINGER_QUIET_MILLIS = 50;

    private final Source source;
    private final Sink sink;
    private final HttpHandler handler;
    private final HttpSettings settings;
    private final long idleMillis;
    private final InetSocketAddress remote;
    private final InputBuffer in;
    private final RequestParser parser = new RequestParser();
    private final ResponseSender sender;
    private Pending pending;
    private long served;

    public Http1Connection(Source source, Sink sink, HttpHandler handler, HttpSettings settings, long idleMillis,
                           InetSocketAddress remote) {
        this.source = source;
        this.sink = sink;
        this.handler = handler;
        this.settings = settings;
        this.idleMillis = idleMillis;
        this.remote = remote;
        this.in = new InputBuffer(source);
        this.sender = new ResponseSender(sink, settings.serverName());
    }

    /** Serves requests until either side closes; always closes the sink. */
    public void run() {
        try {
            if (pending != null) {
                Pending left = pending;
                pending = null;
                if (!deliver(left.head(), RequestBody.EMPTY, left.response(), left.close(), left.arrived())) {
                    return;
                }
            }
            RequestHead head;
            while ((head = readHead()) != null && exchange(head)) {
                // each exchange that keeps the connection alive loops for the next request
            }
        } catch (IOException e) {
            log.debug("HTTP connection from {} ended: {}", remote, e.toString());
        } finally {
            sink.close();
        }
    }

    /** What {@link #serveBuffered} leaves to do. */
    public enum Next {
        /** Every buffered request is answered; more input is needed (a partial head may be buffered). */
        MORE_INPUT,
        /** The next step may block: {@link #run()} must go on with it on a thread that may. */
        BLOCKING,
        /** The connection is done and closed. */
        CLOSED
    }

    /**
     * Appends bytes from the peer to the input buffer (the event loop's inline path, where no {@link Source} read
     * happens), as many as fit in the largest buffer the limits need; the rest stay in {@code data}.
     */
    public void received(java.nio.ByteBuffer data) {
        in.append(data);
    }

    /** How many requests this connection has answered on the inline path. */
    public long served() {
        return served;
    }

    /** Whether part of a request is buffered: a head that has started but not ended. */
    public boolean partialHead() {
        return in.available() > 0;
    }

    /**
     * Serves, on the calling thread and without waiting, the buffered requests that need no waiting: those without a
     * body, answered by a {@link HttpHandler#nonBlocking() non-blocking} handler with a response in memory or a file.
     * Stops before the first step that may block (a body to read, a protocol error to answer and linger over, a
     * streamed response to send), which {@link #run()} then takes up.
     */
    public Next serveBuffered() throws IOException {
        while (in.available() > 0) {
            RequestHead head; // the parser resumes where the previous call stopped: a head in pieces is scanned once
            try {
                head = parser.parse(in.buf, in.start, in.end);
            } catch (HttpProtocolException e) {
                return Next.BLOCKING;
            }
            if (head == null) {
                return Next.MORE_INPUT;
            }
            if (head.contentLength() != 0) {
                return Next.BLOCKING;
            }
            in.consume(head.size());
            parser.reset();
            served++;
            ZonedDateTime arrived = settings.accessLog() == AccessLog.NONE ? null : ZonedDateTime.now();
            boolean close = !head.keepAlive() || source.draining();
            Answer answer = answer(head, RequestBody.EMPTY);
            ResponseBody body = answer.response().body();
            if (body instanceof ResponseBody.Stream || body instanceof ResponseBody.Writer) {
                pending = new Pending(head, answer.response(), close || answer.close(), arrived);
                return Next.BLOCKING;
            }
            if (!deliver(head, RequestBody.EMPTY, answer.response(), close || answer.close(), arrived)) {
                sink.close();
                return Next.CLOSED;
            }
        }
        return Next.MORE_INPUT;
    }

    /** Answers a head that did not complete in time with 408 and closes (the event loop's header timer). */
    public void headTimedOut() {
        try {
            refuse(new HttpProtocolException(408, "request head not complete within " + settings.headerTimeout()), null, false);
        } catch (IOException e) {
            log.debug("HTTP connection from {} ended: {}", remote, e.toString());
        } finally {
            sink.close();
        }
    }

    /** The next request head, or null when the connection is done (closed, idle, or refused with an error). */
    private RequestHead readHead() throws IOException {
        parser.reset();
        long deadline = 0;
        while (true) {
            if (in.available() > 0) {
                RequestHead head;
                try {
                    head = parser.parse(in.buf, in.start, in.end);
                } catch (HttpProtocolException e) {
                    refuse(e, null, true);
                    return null;
                }
                if (head != null) {
                    in.consume(head.size());
                    return head;
                }
                if (deadline == 0) {
                    deadline = System.nanoTime() + settings.headerTimeout().toNanos();
                }
            }
            boolean idle = deadline == 0;
            long timeout = idle ? idleMillis : Math.max(1, (deadline - System.nanoTime()) / 1_000_000);
            int n;
            try {
                n = in.fill(timeout, idle);
            } catch (SocketTimeoutException e) {
                if (!idle) {
                    refuse(new HttpProtocolException(408, "request head not complete within " + settings.headerTimeout()), null, false);
                }
                return null;
            }
            if (n < 0) {
                return null;
            }
        }
    }

    /** Runs one exchange; returns whether the connection stays open for another. */
    private boolean exchange(RequestHead head) throws IOException {
        ZonedDateTime arrived = settings.accessLog() == AccessLog.NONE ? null : ZonedDateTime.now();
        long length = head.contentLength();
        if (length > settings.maxBodySize()) {
            refuse(new HttpProtocolException(413, "request body of " + length + " bytes is over the limit of "
                    + settings.maxBodySize()), head, !head.expectContinue());
            return false;
        }
        Runnable hook = head.expectContinue() ? this::sendContinue : null;
        RequestBody body = length == 0 ? RequestBody.EMPTY
                : length > 0 ? new RequestBody.Fixed(in, length, idleMillis, hook)
                : new RequestBody.Chunked(in, settings.maxBodySize(), idleMillis, hook);
        boolean close = !head.keepAlive() || source.draining();
        Answer answer;
        try {
            answer = answer(head, body);
        } catch (IOException e) {
            log.debug("request body from {} broke off: {}", remote, e.toString());
            return false;
        }
        close |= answer.close();
        if (!body.finished()) {
            close |= !body.requested() || !(body instanceof RequestBody.Fixed fixed && fixed.remaining() <= DISCARD_LIMIT
                    && discardQuietly(body));
        }
        return deliver(head, body, answer.response(), close, arrived);
    }

    /** The handler's response to a request, or the error page it earned, and whether that error must close. */
    private record Answer(HttpResponse response, boolean close) {
    }

    /** A response that {@link #serveBuffered} left for {@link #run()} to send. */
    private record Pending(RequestHead head, HttpResponse response, boolean close, ZonedDateTime arrived) {
    }

    /**
     * Calls the handler. An {@link IOException} with the body started but not finished means the upload broke off and
     * is thrown: there is no one left to answer.
     */
    private Answer answer(RequestHead head, RequestBody body) throws IOException {
        HttpRequest request = new HttpRequest(head.method(), head.target(), head.version(), head.headers(), body,
                head.contentLength(), remote, sink.isSecure());
        try {
            HttpResponse response = handler.handle(request);
            if (response == null) {
                throw new IllegalStateException("the handler returned no response for " + head.requestLine());
            }
            return new Answer(response, false);
        } catch (HttpProtocolException e) {
            return new Answer(errorPage(e.status(), e.getMessage()), true);
        } catch (IOException e) {
            if (body.finished() || !body.requested()) {
                return new Answer(failure(head, e), false);
            }
            throw e;
        } catch (Exception e) {
            return new Answer(failure(head, e), false);
        }
    }

    /** Sends the response, logs the exchange; returns whether the connection stays open for another. */
    private boolean deliver(RequestHead head, RequestBody body, HttpResponse response, boolean close,
                            ZonedDateTime arrived) throws IOException {
        ResponseSender.Sent sent;
        try {
            sent = sender.send(response, head.isHead(), head.isHttp10(), close);
        } catch (IOException e) {
            if (sender.started()) {
                log.debug("sending a response to {} failed: {}", remote, e.toString());
                return false;
            }
            sent = sender.send(failure(head, e), head.isHead(), head.isHttp10(), true);
        } catch (RuntimeException e) {
            if (sender.started()) {
                String id = errorId();
                log.warn("error {}: the response body for {} failed midway; closing the connection", id, head.requestLine(), e);
                return false;
            }
            sent = sender.send(failure(head, e), head.isHead(), head.isHttp10(), true);
        }
        if (arrived != null) {
            settings.accessLog().record(new AccessLog.Entry(remote, null, arrived, head.requestLine(), response.status(),
                    sent.bodyBytes(), head.headers().get("Referer"), head.headers().get("User-Agent")));
        }
        if (sent.close() && !body.finished() && body.requested()) {
            linger();
        }
        return !sent.close();
    }

    private boolean discardQuietly(RequestBody body) {
        try {
            return body.discard(DISCARD_LIMIT);
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    private void sendContinue() {
        try {
            sender.sendContinue();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Answers a request the server refuses (the head, or null when there is none) and closes. */
    private void refuse(HttpProtocolException e, RequestHead head, boolean moreInput) throws IOException {
        log.debug("refusing a request from {} with {}: {}", remote, e.status(), e.getMessage());
        HttpResponse response = errorPage(e.status(), e.getMessage());
        ResponseSender.Sent sent = sender.send(response, false, false, true);
        settings.accessLog().record(new AccessLog.Entry(remote, null, ZonedDateTime.now(),
                head == null ? "-" : head.requestLine(), e.status(), sent.bodyBytes(), null, null));
        if (moreInput && (head != null || in.available() > 0)) {
            linger();
        }
    }

    /**
     * Reads and drops what the client is still sending before the close, for as long as it keeps coming
     * (up to a second and 1 MiB): closing with unread input makes the kernel send a reset that can destroy
     * the error response before the client reads it. A client that has stopped sending is not waited for.
     */
    private void linger() {
        long until = System.nanoTime() + LINGER_MILLIS * 1_000_000;
        long dropped = 0;
        byte[] scrap = new byte[8192];
        try {
            while (dropped < LINGER_BYTES && System.nanoTime() < until) {
                int n = in.available() > 0 ? in.read(scrap, 0, scrap.length, LINGER_QUIET_MILLIS)
                        : source.read(scrap, 0, scrap.length, LINGER_QUIET_MILLIS, false);
                if (n < 0) {
                    return;
                }
                dropped += n;
            }
        } catch (IOException e) {
            log.trace("lingering close ended: {}", e.toString());
        }
    }

    private HttpResponse failure(RequestHead head, Exception e) {
        String id = errorId();
        log.warn("error {}: handler failed for {} from {}", id, head.requestLine(), remote, e);
        return HttpResponse.text(500, "500 Internal Server Error\nerror id: " + id + "\n");
    }

    static HttpResponse errorPage(int status, String message) {
        return HttpResponse.text(status, status + " " + HttpStatus.reason(status) + "\n" + message + "\n");
    }

    private static String errorId() {
        return String.format("%08x", ThreadLocalRandom.current().nextInt());
    }
}
