package dev.weft.bench;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;

import dev.weft.bench.servers.ServerArgs;

/**
 * Asks a started server for an endpoint once and refuses to measure it unless it answers 200 with exactly the bytes
 * every server must send (the hello text, the file), so no server is timed on an error page or an empty body.
 */
final class BodyCheck {

    private static final int TIMEOUT_MILLIS = 5000;

    private BodyCheck() {
    }

    /** The body every server sends for {@code endpoint}, from the site's files. */
    static byte[] expected(Endpoint endpoint, Path site) throws IOException {
        return switch (endpoint) {
            case HELLO, ROUTE -> ServerArgs.HELLO.getBytes(StandardCharsets.UTF_8);
            case STATIC_4K, HTTPS_4K -> Files.readAllBytes(site.resolve("static").resolve(BenchSite.FILE_4K));
            case STATIC_1M -> Files.readAllBytes(site.resolve("static").resolve(BenchSite.FILE_1M));
        };
    }

    /**
     * Fetches {@code endpoint} from {@code server} on a connection of its own.
     *
     * @param tls the client context trusting the run's certificate, for TLS endpoints
     * @throws IOException naming the server, the URL and what was wrong with the answer
     */
    static void verify(RunningServer server, Endpoint endpoint, byte[] expected, SSLContext tls) throws IOException {
        String url = server.url(endpoint);
        byte[] response;
        try {
            response = fetch(server.port(endpoint), endpoint.path(), endpoint.tls() ? tls : null);
        } catch (IOException e) {
            throw new IOException(server.contender().name() + " did not answer " + url + ": " + e.getMessage(), e);
        }
        String problem = problem(response, expected);
        if (problem != null) {
            throw new IOException(server.contender().name() + " answered " + url + " wrongly: " + problem
                    + " (its output is in " + server.log() + ")");
        }
    }

    /** What is wrong with a whole HTTP/1.1 response, or null when it is a 200 carrying {@code expected}. */
    static String problem(byte[] response, byte[] expected) {
        String text = new String(response, StandardCharsets.ISO_8859_1);
        int end = text.indexOf("\r\n\r\n");
        if (end < 0) {
            return "no complete response head in " + response.length + " bytes";
        }
        String head = text.substring(0, end);
        String status = head.lines().findFirst().orElse("");
        if (!status.matches("HTTP/1\\.[01] 200( .*)?")) {
            return "status line '" + status + "'";
        }
        byte[] body = Arrays.copyOfRange(response, end + 4, response.length);
        if (head.toLowerCase(Locale.ROOT).contains("\r\ntransfer-encoding: chunked")) {
            body = dechunk(body);
            if (body == null) {
                return "a malformed chunked body";
            }
        }
        if (!Arrays.equals(body, expected)) {
            return body.length + " body bytes that differ from the expected " + expected.length;
        }
        return null;
    }

    /** The data of a chunked body, null when it is malformed. */
    static byte[] dechunk(byte[] chunked) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int at = 0;
        while (true) {
            int lineEnd = indexOf(chunked, at);
            if (lineEnd < 0) {
                return null;
            }
            int size;
            try {
                String sizeText = new String(chunked, at, lineEnd - at, StandardCharsets.US_ASCII);
                size = Integer.parseInt(sizeText.split(";", 2)[0].trim(), 16);
            } catch (NumberFormatException e) {
                return null;
            }
            at = lineEnd + 2;
            if (size == 0) {
                return out.toByteArray();
            }
            if (at + size > chunked.length) {
                return null;
            }
            out.write(chunked, at, size);
            at += size + 2;
        }
    }

    private static int indexOf(byte[] bytes, int from) {
        for (int i = from; i + 1 < bytes.length; i++) {
            if (bytes[i] == '\r' && bytes[i + 1] == '\n') {
                return i;
            }
        }
        return -1;
    }

    /**
     * One response, read as far as its framing says (Content-Length, or the last chunk), or to the end of the
     * stream without either: a server need not close at once after {@code Connection: close}.
     */
    static byte[] readResponse(InputStream in) throws IOException {
        ByteArrayOutputStream seen = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        int headEnd = -1;
        while (true) {
            String text = seen.toString(StandardCharsets.ISO_8859_1);
            if (headEnd < 0) {
                headEnd = text.indexOf("\r\n\r\n");
            }
            if (headEnd >= 0) {
                String head = text.substring(0, headEnd).toLowerCase(Locale.ROOT);
                int bodyBytes = seen.size() - headEnd - 4;
                java.util.regex.Matcher length = java.util.regex.Pattern.compile("\r\ncontent-length:\\s*(\\d+)").matcher(head);
                if (length.find() && bodyBytes >= Long.parseLong(length.group(1))) {
                    return seen.toByteArray();
                }
                if (head.contains("\r\ntransfer-encoding: chunked") && text.endsWith("\r\n0\r\n\r\n")) {
                    return seen.toByteArray();
                }
            }
            int n = in.read(buffer);
            if (n < 0) {
                return seen.toByteArray();
            }
            seen.write(buffer, 0, n);
        }
    }

    private static byte[] fetch(int port, String path, SSLContext tls) throws IOException {
        try (Socket plain = new Socket()) {
            plain.connect(new InetSocketAddress(ServerArgs.HOST, port), TIMEOUT_MILLIS);
            plain.setSoTimeout(TIMEOUT_MILLIS);
            Socket socket = plain;
            if (tls != null) {
                SSLSocket secure = (SSLSocket) tls.getSocketFactory().createSocket(plain, ServerArgs.HOST, port, true);
                secure.setEnabledProtocols(new String[] {"TLSv1.3"});
                secure.startHandshake();
                socket = secure;
            }
            try (Socket open = socket) {
                OutputStream out = open.getOutputStream();
                out.write(("GET " + path + " HTTP/1.1\r\nHost: " + ServerArgs.HOST + ":" + port
                        + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
                out.flush();
                return readResponse(open.getInputStream());
            }
        }
    }
}
