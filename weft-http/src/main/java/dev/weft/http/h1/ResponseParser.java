package dev.weft.http.h1;

import java.util.Locale;

import dev.weft.http.HttpHeaders;
import dev.weft.http.HttpProtocolException;

/**
 * Parses the head of a response to a GET (RFC 9112 §4, §6.3) from bytes as they arrive, for weft's own client.
 * Field lines go through the server's {@link RequestParser} rules (token names, no obs-fold, no control
 * characters); lines may end in CRLF or, as RFC 9112 §2.2 lets a recipient accept, a bare LF, but a CR must be
 * followed by LF. The head is bounded in bytes and in field count. Framing follows §6.3: no body for 1xx, 204 and
 * 304; chunked when it is the last transfer coding; else Content-Length (values that disagree are refused); else the
 * body runs until the server closes.
 *
 * <p>Incremental like {@link RequestParser}: {@link #parse} is called with all the bytes so far each time more
 * arrive and returns the head once its empty line is there; {@link #reset()} before the next head.
 */
public final class ResponseParser {

    /** The head's size limit in bytes (status line and fields), as the server's for a request. */
    public static final int MAX_HEAD_BYTES = 64 * 1024;
    /** The field count limit. */
    public static final int MAX_FIELDS = 100;

    private final int maxHeadBytes;
    private final int maxFields;
    private int scanned;
    private int lineStart;
    private int fields;

    public ResponseParser() {
        this(MAX_HEAD_BYTES, MAX_FIELDS);
    }

    public ResponseParser(int maxHeadBytes, int maxFields) {
        if (maxHeadBytes < 16 || maxFields < 0) {
            throw new IllegalArgumentException("head limits too small: " + maxHeadBytes + " bytes, " + maxFields + " fields");
        }
        this.maxHeadBytes = maxHeadBytes;
        this.maxFields = maxFields;
    }

    /** Forgets the current head (after a 1xx answer, or before the next response on the connection). */
    public void reset() {
        scanned = 0;
        lineStart = 0;
        fields = 0;
    }

    /**
     * Parses the head at {@code buf[start..end)}, whose first bytes were passed on earlier calls too.
     *
     * @return the head, or null when more bytes are needed
     * @throws MalformedResponseException naming the bad input
     */
    public ResponseHead parse(byte[] buf, int start, int end) throws MalformedResponseException {
        int length = end - start;
        for (int i = scanned; i < length; i++) {
            byte b = buf[start + i];
            if (i > 0 && buf[start + i - 1] == '\r' && b != '\n') {
                throw new MalformedResponseException("bare CR in the response head: '"
                        + RequestParser.latin1(buf, start + lineStart, start + i) + "'");
            }
            if (b != '\n') {
                continue;
            }
            int contentEnd = i > 0 && buf[start + i - 1] == '\r' ? i - 1 : i;
            if (contentEnd == lineStart) {
                if (lineStart == 0) {
                    throw new MalformedResponseException("empty line where the status line should be");
                }
                scanned = i + 1;
                return build(buf, start, i + 1);
            }
            if (lineStart > 0 && ++fields > maxFields) {
                throw new MalformedResponseException("more than " + maxFields + " header fields in the response");
            }
            lineStart = i + 1;
            checkSize(i + 1);
        }
        scanned = length;
        checkSize(length);
        return null;
    }

    private void checkSize(int upTo) throws MalformedResponseException {
        if (upTo > maxHeadBytes) {
            throw new MalformedResponseException("response head larger than " + maxHeadBytes + " bytes");
        }
    }

    private ResponseHead build(byte[] buf, int start, int size) throws MalformedResponseException {
        int pos = start;
        int headEnd = start + size;
        int eol = lineEnd(buf, pos, headEnd);
        String version = statusVersion(buf, pos, eol);
        int status = statusCode(buf, pos, eol);
        String reason = eol > pos + 12 ? RequestParser.latin1(buf, pos + 13, eol) : "";
        HttpHeaders headers = new HttpHeaders();
        pos = next(buf, eol);
        while (pos < headEnd) {
            eol = lineEnd(buf, pos, headEnd);
            if (eol == pos) {
                break;
            }
            try {
                RequestParser.field(buf, pos, eol, headers);
            } catch (HttpProtocolException e) {
                throw new MalformedResponseException(e.getMessage() + " in the response");
            }
            pos = next(buf, eol);
        }
        BodyFraming framing = framing(status, version, headers);
        boolean keepAlive = !(framing instanceof BodyFraming.UntilClose) && (version.equals(RequestParser.HTTP_1_1)
                ? !headers.hasToken("Connection", "close")
                : headers.hasToken("Connection", "keep-alive") && !headers.hasToken("Connection", "close"));
        return new ResponseHead(version, status, reason, headers, framing, keepAlive, size);
    }

    /** The end of the line starting at {@code from}, before its CR LF or LF. */
    private static int lineEnd(byte[] buf, int from, int to) {
        int i = from;
        while (i < to && buf[i] != '\n') {
            i++;
        }
        return i > from && buf[i - 1] == '\r' ? i - 1 : i;
    }

    /** The start of the line after the one ending at {@code eol}. */
    private static int next(byte[] buf, int eol) {
        return buf[eol] == '\r' ? eol + 2 : eol + 1;
    }

    private static String statusVersion(byte[] buf, int from, int eol) throws MalformedResponseException {
        if (eol - from < 12 || buf[from + 8] != ' ' || (eol > from + 12 && buf[from + 12] != ' ')) {
            throw malformedStatusLine(buf, from, eol);
        }
        String version = RequestParser.latin1(buf, from, from + 8);
        if (version.equals(RequestParser.HTTP_1_1) || version.equals(RequestParser.HTTP_1_0)) {
            return version;
        }
        if (version.matches("HTTP/\\d\\.\\d")) {
            throw new MalformedResponseException("the server answered in " + version + ", not HTTP/1.1: '"
                    + RequestParser.latin1(buf, from, eol) + "'");
        }
        throw malformedStatusLine(buf, from, eol);
    }

    private static int statusCode(byte[] buf, int from, int eol) throws MalformedResponseException {
        int code = 0;
        for (int i = from + 9; i < from + 12; i++) {
            if (buf[i] < '0' || buf[i] > '9') {
                throw malformedStatusLine(buf, from, eol);
            }
            code = code * 10 + buf[i] - '0';
        }
        if (code < 100) {
            throw malformedStatusLine(buf, from, eol);
        }
        return code;
    }

    private static MalformedResponseException malformedStatusLine(byte[] buf, int from, int eol) {
        return new MalformedResponseException("malformed status line '"
                + RequestParser.latin1(buf, from, Math.min(eol, from + 200)) + "'");
    }

    private static BodyFraming framing(int status, String version, HttpHeaders headers) throws MalformedResponseException {
        if (status < 200 || status == 204 || status == 304) {
            return new BodyFraming.Length(0);
        }
        if (headers.contains("Transfer-Encoding") && version.equals(RequestParser.HTTP_1_1)) {
            String codings = String.join(",", headers.all("Transfer-Encoding")).trim().toLowerCase(Locale.ROOT);
            if (codings.equals("chunked")) {
                return new BodyFraming.Chunked();
            }
            if (codings.matches(".*,\\s*chunked")) {
                throw new MalformedResponseException("unsupported Transfer-Encoding '" + codings + "' (asked for identity)");
            }
            return new BodyFraming.UntilClose(); // chunked is not the last coding: RFC 9112 §6.3 point 4
        }
        long length = -1;
        for (String field : headers.all("Content-Length")) {
            for (String value : field.split(",", -1)) {
                long parsed;
                try {
                    parsed = RequestParser.digits(value.trim());
                } catch (HttpProtocolException e) {
                    throw new MalformedResponseException(e.getMessage() + " in the response");
                }
                if (length >= 0 && parsed != length) {
                    throw new MalformedResponseException("conflicting Content-Length values " + headers.all("Content-Length"));
                }
                length = parsed;
            }
        }
        return length >= 0 ? new BodyFraming.Length(length) : new BodyFraming.UntilClose();
    }
}
