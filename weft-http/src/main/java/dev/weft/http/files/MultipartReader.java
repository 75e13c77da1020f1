package dev.weft.http.files;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import dev.weft.http.HttpHeaders;
import dev.weft.http.HttpProtocolException;

/**
 * Reads a {@code multipart/form-data} body (RFC 7578) part by part as a stream, so uploads of any size
 * pass through a fixed buffer. Each part's content ends at the next {@code CRLF--boundary}. The one multipart
 * reader in weft: the folder server's uploads and the web-app forms ({@code dev.weft.web}) both read through it,
 * so a file name means the same to both ({@link ContentDisposition}).
 */
public final class MultipartReader {

    private static final int BUFFER = 64 * 1024;
    private static final int MAX_PART_HEAD = 16 * 1024;

    private final InputStream in;
    private final byte[] delimiter;
    private final byte[] buf = new byte[BUFFER];
    private int pos;
    private int limit;
    private boolean eof;
    private boolean finished;
    private Part current;

    /** One part: its header fields and its content, readable until the part ends. */
    public final class Part extends InputStream {
        private final HttpHeaders headers;
        private boolean ended;

        Part(HttpHeaders headers) {
            this.headers = headers;
        }

        public HttpHeaders headers() {
            return headers;
        }

        /** The {@code name} parameter of Content-Disposition, or null. */
        public String name() {
            return disposition().name();
        }

        /**
         * The file's name by weft's one rule ({@link ContentDisposition}: {@code filename*} first, UTF-8, last path
         * segment only), or null for a plain field.
         */
        public String fileName() {
            return disposition().fileName();
        }

        public ContentDisposition disposition() {
            return ContentDisposition.parse(headers.get("Content-Disposition"));
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            int n = read(one, 0, 1);
            return n < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (ended) {
                return -1;
            }
            while (true) {
                int found = indexOf(delimiter, pos, limit);
                int safe = found >= 0 ? found : Math.max(pos, limit - delimiter.length + 1);
                if (safe > pos) {
                    int n = Math.min(len, safe - pos);
                    System.arraycopy(buf, pos, b, off, n);
                    pos += n;
                    return n;
                }
                if (found == pos) {
                    pos += delimiter.length;
                    ended = true;
                    return -1;
                }
                if (!fill()) {
                    throw new HttpProtocolException(400, "multipart body ended inside a part");
                }
            }
        }
    }

    /**
     * @param contentType the request's Content-Type, which must be multipart/form-data with a boundary
     * @throws HttpProtocolException 400 when it is not
     */
    public MultipartReader(InputStream in, String contentType) {
        this.in = in;
        String boundary = boundary(contentType);
        this.delimiter = ("\r\n--" + boundary).getBytes(StandardCharsets.ISO_8859_1);
        buf[0] = '\r';
        buf[1] = '\n';
        limit = 2;
    }

    static String boundary(String contentType) {
        if (contentType == null || !contentType.trim().toLowerCase(java.util.Locale.ROOT).startsWith("multipart/form-data")) {
            throw new HttpProtocolException(415, "expected multipart/form-data, got " + contentType);
        }
        for (String item : contentType.split(";")) {
            String trimmed = item.trim();
            if (trimmed.toLowerCase(java.util.Locale.ROOT).startsWith("boundary=")) {
                String value = trimmed.substring(9).replace("\"", "");
                if (!value.isEmpty() && value.length() <= 70) {
                    return value;
                }
            }
        }
        throw new HttpProtocolException(400, "multipart/form-data without a valid boundary: " + contentType);
    }

    /** The next part, or null after the last; skips whatever is left of the current one. */
    public Part next() throws IOException {
        if (finished) {
            return null;
        }
        if (current == null) {
            new Part(new HttpHeaders()).transferTo(java.io.OutputStream.nullOutputStream());
        } else {
            current.transferTo(java.io.OutputStream.nullOutputStream());
        }
        ensure(2);
        if (buf[pos] == '-' && buf[pos + 1] == '-') {
            finished = true;
            return null;
        }
        HttpHeaders headers = new HttpHeaders();
        String line = line();
        if (!line.isEmpty()) {
            throw new HttpProtocolException(400, "garbage after a multipart boundary");
        }
        int size = 0;
        for (line = line(); !line.isEmpty(); line = line()) {
            size += line.length();
            int colon = line.indexOf(':');
            if (colon <= 0 || size > MAX_PART_HEAD) {
                throw new HttpProtocolException(400, "malformed multipart header '" + line + "'");
            }
            headers.add(line.substring(0, colon).trim(), line.substring(colon + 1).trim());
        }
        current = new Part(headers);
        return current;
    }

    /**
     * One part header line. RFC 7578 (section 5.1) has browsers send non-ASCII names as raw UTF-8, so the bytes are
     * read as UTF-8; a line that is not valid UTF-8 is read as ISO-8859-1, one char per byte, as older clients meant.
     */
    private String line() throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream(128);
        while (true) {
            ensure(1);
            byte b = buf[pos++];
            if (b == '\r') {
                ensure(1);
                if (buf[pos++] != '\n') {
                    throw new HttpProtocolException(400, "bare CR in a multipart header");
                }
                return text(line.toByteArray());
            }
            if (line.size() > MAX_PART_HEAD) {
                throw new HttpProtocolException(400, "multipart header line too long");
            }
            line.write(b);
        }
    }

    private static String text(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            return new String(bytes, StandardCharsets.ISO_8859_1);
        }
    }

    private void ensure(int n) throws IOException {
        while (limit - pos < n) {
            if (!fill()) {
                throw new HttpProtocolException(400, "multipart body ended early");
            }
        }
    }

    /** Reads more input after what is buffered; false at end of input. */
    private boolean fill() throws IOException {
        if (eof) {
            return false;
        }
        if (pos > 0) {
            System.arraycopy(buf, pos, buf, 0, limit - pos);
            limit -= pos;
            pos = 0;
        }
        int n = in.read(buf, limit, buf.length - limit);
        if (n < 0) {
            eof = true;
            return false;
        }
        limit += n;
        return true;
    }

    private int indexOf(byte[] pattern, int from, int to) {
        byte first = pattern[0];
        for (int i = from; i <= to - pattern.length; i++) {
            if (buf[i] == first && Arrays.equals(buf, i, i + pattern.length, pattern, 0, pattern.length)) {
                return i;
            }
        }
        return -1;
    }
}
