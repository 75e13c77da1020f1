package dev.weft.http.h1;

import dev.weft.http.HttpHeaders;

/**
 * A parsed and validated request head: the request line, the fields, and what the fields decide about
 * framing and the connection.
 *
 * @param contentLength  body length, 0 for none, {@link dev.weft.http.HttpRequest#CHUNKED} for chunked
 * @param keepAlive      whether the client lets the connection stay open after this exchange
 * @param expectContinue whether the client waits for {@code 100 Continue} before sending the body
 * @param size           bytes of input the head took, with any empty lines before it
 */
public record RequestHead(String method, String target, String version, HttpHeaders headers, long contentLength,
                          boolean keepAlive, boolean expectContinue, int size) {

    public boolean isHead() {
        return "HEAD".equals(method);
    }

    public boolean isHttp10() {
        return RequestParser.HTTP_1_0.equals(version);
    }

    public String requestLine() {
        return method + " " + target + " " + version;
    }
}
