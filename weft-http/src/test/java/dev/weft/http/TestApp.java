package dev.weft.http;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * The handler the protocol tests run under every model (in this JVM and in worker processes). It never blocks, so on
 * the event loop it answers on the loop thread (requests with a body still go to a virtual thread).
 */
public final class TestApp implements HttpHandler {

    @Override
    public boolean nonBlocking() {
        return true;
    }

    @Override
    public HttpResponse handle(HttpRequest request) throws IOException {
        return switch (request.path()) {
            case "/hello" -> HttpResponse.text(200, "hello");
            case "/framing" -> HttpResponse.text(200, "hello").header("content-length", "999").header("DATE", "yesterday")
                    .header("Server", "other").header("Connection", "upgrade").header("Transfer-Encoding", "gzip");
            case "/echo" -> HttpResponse.ok().header("X-Length", Long.toString(request.contentLength()))
                    .body(request.bodyBytes());
            case "/ignore-body" -> HttpResponse.text(200, "ignored");
            case "/boom" -> throw new IllegalStateException("boom on purpose");
            case "/stream" -> HttpResponse.ok().writer(out -> {
                for (char c = 'a'; c <= 'z'; c++) {
                    out.write(String.valueOf(c).repeat(1000).getBytes(StandardCharsets.US_ASCII));
                    out.flush();
                }
            });
            case "/query" -> HttpResponse.text(200, request.queryParameter("name") + "|" + request.header("x-custom"));
            default -> HttpResponse.text(404, "no such page");
        };
    }
}
