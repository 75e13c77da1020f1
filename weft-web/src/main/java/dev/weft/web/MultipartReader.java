package dev.weft.web;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Reads a {@code multipart/form-data} body (RFC 7578, RFC 2046 §5.1) as a sequence of parts without
 * holding it in memory: {@link #nextPart()} gives a part's header fields and {@link #read} streams its
 * data up to the next boundary. One fixed buffer; the delimiter is searched for in it, keeping back as
 * many bytes as could start a delimiter that the next read completes. Malformed bodies are a 400.
 */
final class MultipartReader {

    private static final int BUFFER_SIZE = 64 * 1024;
    private static final int MAX_HEADER_BYTES = 16 * 1024;

    private final InputStream in;
    private final byte[] delimiter;
    private final byte[] buffer = new byte[BUFFER_SIZE];
    private int position;
    private int limit;
    private boolean atDelimiter;
    private boolean finished;

    MultipartReader(InputStream in, String boundary) {
        if (boundary.isEmpty() || boundary.length() > 70) {
            throw new HttpError(400, "multipart boundary must have 1 to 70 characters: '" + boundary + "'");
        }
        this.in = in;
        this.delimiter = ("\r\n--" + boundary).getBytes(StandardCharsets.ISO_8859_1);
        // The first boundary has no CRLF before it; pretend it had one so every delimiter looks the same.
        buffer[0] = '\r';
        buffer[1] = '\n';
        limit = 2;
    }

    /** The header fields (lower-case names) of the next part, or null after the closing boundary. */
    Map<String, String> nextPart() throws IOException {
        if (finished) {
            return null;
        }
        byte[] skip = new byte[8192];
        while (read(skip, 0, skip.length) >= 0) {
            // the rest of the previous part (or the preamble) is not wanted
        }
        require(2);
        if (buffer[position] == '-' && buffer[position + 1] == '-') {
            finished = true;
            return null;
        }
        while (require(1) && (buffer[position] == ' ' || buffer[position] == '\t')) {
            position++;
        }
        if (!readLine().isEmpty()) {
            throw new HttpError(400, "multipart boundary line has text after the boundary");
        }
        Map<String, String> headers = readHeaders();
        atDelimiter = false;
        return headers;
    }

    /** Reads the current part's data; -1 at the part's end. */
    int read(byte[] into, int offset, int length) throws IOException {
        if (atDelimiter) {
            return -1;
        }
        while (true) {
            int found = indexOfDelimiter();
            if (found == position) {
                position += delimiter.length;
                atDelimiter = true;
                return -1;
            }
            int available = found >= 0 ? found - position : limit - position - (delimiter.length - 1);
            if (available > 0) {
                int n = Math.min(length, available);
                System.arraycopy(buffer, position, into, offset, n);
                position += n;
                return n;
            }
            if (!fill()) {
                throw new HttpError(400, "multipart body ends before its closing boundary");
            }
        }
    }

    private Map<String, String> readHeaders() throws IOException {
        Map<String, String> headers = new LinkedHashMap<>();
        int bytes = 0;
        while (true) {
            String line = readLine();
            if (line.isEmpty()) {
                return headers;
            }
            bytes += line.length();
            int colon = line.indexOf(':');
            if (colon <= 0 || bytes > MAX_HEADER_BYTES) {
                throw new HttpError(400, "bad multipart part header: '" + line + "'");
            }
            headers.put(line.substring(0, colon).trim().toLowerCase(Locale.ROOT), line.substring(colon + 1).trim());
        }
    }

    /** A CRLF-terminated line of part headers, as UTF-8 (browsers send file names that way). */
    private String readLine() throws IOException {
        int scanned = 0;
        while (true) {
            for (int i = position + scanned; i + 1 < limit; i++) {
                if (buffer[i] == '\r' && buffer[i + 1] == '\n') {
                    String line = new String(buffer, position, i - position, StandardCharsets.UTF_8);
                    position = i + 2;
                    return line;
                }
            }
            if (limit - position > MAX_HEADER_BYTES) {
                throw new HttpError(400, "multipart part header line longer than " + MAX_HEADER_BYTES + " bytes");
            }
            scanned = Math.max(0, limit - position - 1);
            if (!fill()) {
                throw new HttpError(400, "multipart body ends inside a part's headers");
            }
        }
    }

    private boolean require(int count) throws IOException {
        while (limit - position < count) {
            if (!fill()) {
                throw new HttpError(400, "multipart body ends before its closing boundary");
            }
        }
        return true;
    }

    private int indexOfDelimiter() {
        for (int i = position; i <= limit - delimiter.length; i++) {
            if (buffer[i] == '\r' && delimiterAt(i)) {
                return i;
            }
        }
        return -1;
    }

    private boolean delimiterAt(int start) {
        for (int j = 1; j < delimiter.length; j++) {
            if (buffer[start + j] != delimiter[j]) {
                return false;
            }
        }
        return true;
    }

    /** Moves the unread bytes to the front and reads more; false at the end of the body. */
    private boolean fill() throws IOException {
        if (position > 0) {
            System.arraycopy(buffer, position, buffer, 0, limit - position);
            limit -= position;
            position = 0;
        }
        int n = in.read(buffer, limit, buffer.length - limit);
        if (n < 0) {
            return false;
        }
        limit += n;
        return true;
    }
}
