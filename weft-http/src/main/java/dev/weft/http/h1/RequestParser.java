package dev.weft.http.h1;

import java.nio.charset.StandardCharsets;

import dev.weft.http.HttpHeaders;
import dev.weft.http.HttpProtocolException;
import dev.weft.http.HttpRequest;
import dev.weft.http.HttpSettings;

/**
 * Parses a request head (RFC 9112 §2-3, §5-6) from bytes as they arrive, strictly: lines must end in
 * CRLF, a bare CR, obs-fold, whitespace before a colon, both Content-Length and Transfer-Encoding, or
 * Content-Length values that disagree are 400s, because a lenient parser is how requests get smuggled.
 * Too-long request lines are 414, too-large or too-many header fields 431, unknown methods 501 and
 * versions other than 1.0 and 1.1 505.
 *
 * <p>Incremental: {@link #parse} is called with the unread bytes each time more arrive; it resumes its scan
 * where it stopped and returns the head once the empty line that ends it is there. One parser per
 * connection, {@link #reset()} between requests.
 */
public final class RequestParser {

    static final String HTTP_1_1 = "HTTP/1.1";
    static final String HTTP_1_0 = "HTTP/1.0";
    private static final int MAX_LEADING_EMPTY = 8 * 1024;
    private static final boolean[] TCHAR = new boolean[128];

    static {
        for (char c = '0'; c <= '9'; c++) {
            TCHAR[c] = true;
        }
        for (char c = 'a'; c <= 'z'; c++) {
            TCHAR[c] = true;
            TCHAR[c - 32] = true;
        }
        for (char c : "!#$%&'*+-.^_`|~".toCharArray()) {
            TCHAR[c] = true;
        }
    }

    private int scanned;
    private int skipped;
    private int lineStart;
    private int requestLineEnd = -1;
    private int fields;

    /** Forgets the current head; call after each request. */
    public void reset() {
        scanned = 0;
        skipped = 0;
        lineStart = 0;
        requestLineEnd = -1;
        fields = 0;
    }

    /** Whether any byte of a request head has been seen since the last reset (for 408 versus a quiet close). */
    public boolean started() {
        return scanned > 0;
    }

    /**
     * Parses the head at {@code buf[start..end)}, whose first bytes were passed on earlier calls too.
     *
     * @return the head, or null when more bytes are needed
     * @throws HttpProtocolException with the status to answer
     */
    public RequestHead parse(byte[] buf, int start, int end) {
        int length = end - start;
        for (int i = scanned; i < length; i++) {
            byte b = buf[start + i];
            boolean afterCr = i > 0 && buf[start + i - 1] == '\r';
            if (b != '\n') {
                if (afterCr) {
                    throw new HttpProtocolException(400, "bare CR in the request head");
                }
                continue;
            }
            if (!afterCr) {
                throw new HttpProtocolException(400, "line ends in LF without CR");
            }
            int lineEnd = i - 1;
            if (requestLineEnd < 0) {
                if (lineEnd == lineStart) {
                    skipped = i + 1;
                    if (skipped > MAX_LEADING_EMPTY) {
                        throw new HttpProtocolException(400, "too many empty lines before the request line");
                    }
                } else {
                    requestLineEnd = lineEnd;
                    if (requestLineEnd - skipped > HttpSettings.MAX_REQUEST_LINE) {
                        throw new HttpProtocolException(414, "request line longer than " + HttpSettings.MAX_REQUEST_LINE + " bytes");
                    }
                }
            } else if (lineEnd == lineStart) {
                scanned = i + 1;
                return build(buf, start, i + 1);
            } else if (++fields > HttpSettings.MAX_HEADER_FIELDS) {
                throw new HttpProtocolException(431, "more than " + HttpSettings.MAX_HEADER_FIELDS + " header fields");
            }
            lineStart = i + 1;
            checkSizes(i + 1);
        }
        scanned = length;
        checkSizes(length);
        return null;
    }

    private void checkSizes(int upTo) {
        if (requestLineEnd < 0) {
            if (upTo - skipped > HttpSettings.MAX_REQUEST_LINE + 2) {
                throw new HttpProtocolException(414, "request line longer than " + HttpSettings.MAX_REQUEST_LINE + " bytes");
            }
        } else if (upTo - requestLineEnd > HttpSettings.MAX_HEADER_BYTES + 4) {
            throw new HttpProtocolException(431, "header section larger than " + HttpSettings.MAX_HEADER_BYTES + " bytes");
        }
    }

    private RequestHead build(byte[] buf, int start, int size) {
        int lineBegin = start + skipped;
        int lineEnd = start + requestLineEnd;
        int firstSpace = indexOf(buf, lineBegin, lineEnd, (byte) ' ');
        int secondSpace = firstSpace < 0 ? -1 : indexOf(buf, firstSpace + 1, lineEnd, (byte) ' ');
        if (firstSpace <= lineBegin || secondSpace < 0 || secondSpace == firstSpace + 1) {
            throw new HttpProtocolException(400, "malformed request line '" + latin1(buf, lineBegin, lineEnd) + "'");
        }
        String version = version(buf, secondSpace + 1, lineEnd);
        String method = method(buf, lineBegin, firstSpace);
        String target = target(method, buf, firstSpace + 1, secondSpace);
        HttpHeaders headers = new HttpHeaders();
        int pos = lineEnd + 2;
        int headEnd = start + size - 2;
        while (pos < headEnd) {
            int eol = indexOf(buf, pos, headEnd, (byte) '\r');
            field(buf, pos, eol, headers);
            pos = eol + 2;
        }
        return semantics(method, target, version, headers, size);
    }

    private static String version(byte[] buf, int from, int to) {
        if (to - from == 8 && buf[from] == 'H' && buf[from + 1] == 'T' && buf[from + 2] == 'T' && buf[from + 3] == 'P'
                && buf[from + 4] == '/' && isDigit(buf[from + 5]) && buf[from + 6] == '.' && isDigit(buf[from + 7])) {
            if (buf[from + 5] == '1' && buf[from + 7] == '1') {
                return HTTP_1_1;
            }
            if (buf[from + 5] == '1' && buf[from + 7] == '0') {
                return HTTP_1_0;
            }
            throw new HttpProtocolException(505, "HTTP version " + latin1(buf, from, to) + " is not supported");
        }
        throw new HttpProtocolException(400, "malformed HTTP version '" + latin1(buf, from, to) + "'");
    }

    private static String method(byte[] buf, int from, int to) {
        for (int i = from; i < to; i++) {
            if (!isTchar(buf[i])) {
                throw new HttpProtocolException(400, "malformed method '" + latin1(buf, from, to) + "'");
            }
        }
        String method = known(buf, from, to);
        if (method == null) {
            throw new HttpProtocolException(501, "method " + latin1(buf, from, to) + " is not implemented");
        }
        if (method.equals("CONNECT")) {
            throw new HttpProtocolException(501, "CONNECT is not implemented: weft is not a proxy");
        }
        return method;
    }

    private static String known(byte[] buf, int from, int to) {
        return switch (latin1(buf, from, to)) {
            case "GET" -> "GET";
            case "HEAD" -> "HEAD";
            case "POST" -> "POST";
            case "PUT" -> "PUT";
            case "DELETE" -> "DELETE";
            case "OPTIONS" -> "OPTIONS";
            case "PATCH" -> "PATCH";
            case "TRACE" -> "TRACE";
            case "CONNECT" -> "CONNECT";
            default -> null;
        };
    }

    private static String target(String method, byte[] buf, int from, int to) {
        for (int i = from; i < to; i++) {
            if (buf[i] < 0x21 || buf[i] > 0x7e) {
                throw new HttpProtocolException(400, "request target has a byte 0x"
                        + Integer.toHexString(buf[i] & 0xff) + " that must be percent-encoded");
            }
        }
        String target = latin1(buf, from, to);
        if (target.charAt(0) == '/') {
            return target;
        }
        if (target.equals("*") && method.equals("OPTIONS")) {
            return target;
        }
        String lower = target.toLowerCase(java.util.Locale.ROOT);
        int scheme = lower.startsWith("http://") ? 7 : lower.startsWith("https://") ? 8 : -1;
        if (scheme > 0 && target.length() > scheme) {
            int slash = target.indexOf('/', scheme);
            int query = target.indexOf('?', scheme);
            if (slash < 0 || (query >= 0 && query < slash)) {
                return query < 0 ? "/" : "/" + target.substring(query);
            }
            return target.substring(slash);
        }
        throw new HttpProtocolException(400, "malformed request target '" + target + "'");
    }

    /** Parses one field line {@code buf[from..to)} (no line end) into {@code headers}; shared with {@link ResponseParser}. */
    static void field(byte[] buf, int from, int to, HttpHeaders headers) {
        if (buf[from] == ' ' || buf[from] == '\t') {
            throw new HttpProtocolException(400, "obsolete line folding in the header section");
        }
        int colon = from;
        while (colon < to && buf[colon] != ':') {
            if (!isTchar(buf[colon])) {
                throw new HttpProtocolException(400, "malformed header field name '" + latin1(buf, from, to) + "'");
            }
            colon++;
        }
        if (colon == to || colon == from) {
            throw new HttpProtocolException(400, "header line without a name and colon: '" + latin1(buf, from, to) + "'");
        }
        int valueStart = colon + 1;
        int valueEnd = to;
        while (valueStart < valueEnd && (buf[valueStart] == ' ' || buf[valueStart] == '\t')) {
            valueStart++;
        }
        while (valueEnd > valueStart && (buf[valueEnd - 1] == ' ' || buf[valueEnd - 1] == '\t')) {
            valueEnd--;
        }
        for (int i = valueStart; i < valueEnd; i++) {
            int c = buf[i] & 0xff;
            if ((c < 0x20 && c != '\t') || c == 0x7f) {
                throw new HttpProtocolException(400, "control character 0x" + Integer.toHexString(c)
                        + " in header field " + latin1(buf, from, colon));
            }
        }
        headers.add(latin1(buf, from, colon), latin1(buf, valueStart, valueEnd));
    }

    private static RequestHead semantics(String method, String target, String version, HttpHeaders headers, int size) {
        boolean http10 = version.equals(HTTP_1_0);
        boolean chunked = false;
        if (headers.contains("Transfer-Encoding")) {
            if (headers.contains("Content-Length")) {
                throw new HttpProtocolException(400, "both Transfer-Encoding and Content-Length");
            }
            if (http10) {
                throw new HttpProtocolException(400, "Transfer-Encoding in an HTTP/1.0 request");
            }
            String codings = String.join(",", headers.all("Transfer-Encoding")).trim();
            if (!codings.equalsIgnoreCase("chunked")) {
                boolean chunkedLast = codings.toLowerCase(java.util.Locale.ROOT).matches(".*,\\s*chunked");
                throw new HttpProtocolException(chunkedLast ? 501 : 400, "unsupported Transfer-Encoding '" + codings + "'");
            }
            chunked = true;
        }
        long contentLength = chunked ? HttpRequest.CHUNKED : contentLength(headers);
        if (!http10) {
            int hosts = headers.all("Host").size();
            if (hosts != 1) {
                throw new HttpProtocolException(400, hosts == 0 ? "HTTP/1.1 request without Host" : "more than one Host field");
            }
        }
        boolean keepAlive = http10
                ? headers.hasToken("Connection", "keep-alive") && !headers.hasToken("Connection", "close")
                : !headers.hasToken("Connection", "close");
        String expect = headers.get("Expect");
        boolean expectContinue = false;
        if (expect != null) {
            if (!expect.equalsIgnoreCase("100-continue")) {
                throw new HttpProtocolException(417, "cannot meet Expect: " + expect);
            }
            expectContinue = !http10;
        }
        return new RequestHead(method, target, version, headers, contentLength, keepAlive, expectContinue, size);
    }

    private static long contentLength(HttpHeaders headers) {
        long length = -1;
        for (String field : headers.all("Content-Length")) {
            for (String value : field.split(",", -1)) {
                long parsed = digits(value.trim());
                if (length >= 0 && parsed != length) {
                    throw new HttpProtocolException(400, "conflicting Content-Length values " + headers.all("Content-Length"));
                }
                length = parsed;
            }
        }
        return Math.max(length, 0);
    }

    /** A Content-Length value: 1 to 18 decimal digits. */
    static long digits(String value) {
        if (value.isEmpty() || value.length() > 18) {
            throw new HttpProtocolException(400, "malformed Content-Length '" + value + "'");
        }
        long n = 0;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < '0' || c > '9') {
                throw new HttpProtocolException(400, "malformed Content-Length '" + value + "'");
            }
            n = n * 10 + (c - '0');
        }
        return n;
    }

    private static int indexOf(byte[] buf, int from, int to, byte b) {
        for (int i = from; i < to; i++) {
            if (buf[i] == b) {
                return i;
            }
        }
        return -1;
    }

    private static boolean isDigit(byte b) {
        return b >= '0' && b <= '9';
    }

    static boolean isTchar(byte b) {
        return b > 0 && TCHAR[b];
    }

    static String latin1(byte[] buf, int from, int to) {
        return new String(buf, from, Math.max(0, to - from), StandardCharsets.ISO_8859_1);
    }
}
