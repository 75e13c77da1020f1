package dev.weft.http.h1;

import java.util.Arrays;

/**
 * Builds a response head (and small bodies after it) into one reusable byte array, so a response goes out
 * in one write. Strings are written as ISO-8859-1; a CR or LF in a header is refused (response splitting).
 */
final class HeadBuilder {

    byte[] buf = new byte[1024];
    int size;

    HeadBuilder reset() {
        size = 0;
        if (buf.length > 64 * 1024) {
            buf = new byte[1024];
        }
        return this;
    }

    HeadBuilder ascii(String text) {
        int n = text.length();
        ensure(n);
        for (int i = 0; i < n; i++) {
            buf[size++] = (byte) text.charAt(i);
        }
        return this;
    }

    HeadBuilder number(long value) {
        return ascii(Long.toString(value));
    }

    HeadBuilder crlf() {
        ensure(2);
        buf[size++] = '\r';
        buf[size++] = '\n';
        return this;
    }

    /** Writes {@code name: value\r\n}, refusing line breaks in either. */
    HeadBuilder field(String name, String value) {
        checked(name);
        ensure(2);
        buf[size++] = ':';
        buf[size++] = ' ';
        return checked(value).crlf();
    }

    /** Writes {@code text} like {@link #ascii}, refusing a CR, LF or NUL in it (one pass over the text). */
    private HeadBuilder checked(String text) {
        int n = text.length();
        ensure(n);
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            if (c == '\r' || c == '\n' || c == 0) {
                throw new IllegalArgumentException("response header has a line break or NUL: '" + text + "'");
            }
            buf[size++] = (byte) c;
        }
        return this;
    }

    HeadBuilder bytes(byte[] b, int off, int len) {
        ensure(len);
        System.arraycopy(b, off, buf, size, len);
        size += len;
        return this;
    }

    private void ensure(int more) {
        if (size + more > buf.length) {
            buf = Arrays.copyOf(buf, Math.max(buf.length * 2, size + more));
        }
    }
}
