package dev.weft.services.files;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;

/**
 * The text parts of the framed files protocol: header lines with a maximum length, and paths
 * percent-encoded so that a name with spaces, newlines or any UTF-8 stays one field.
 * See docs/protocols.md for the grammar.
 */
final class Wire {

    /** The first line a framed client sends; the leading NUL can never start a raw (seed) request. */
    static final String HELLO = "\0WEFT-FILES/1";
    static final String VERSION = "WEFT-FILES/1";
    static final int MAX_LINE = 8 * 1024;
    static final String SHA256 = "SHA-256";

    private static final String UNRESERVED = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~/!$&'()*+,;=:@";
    private static final HexFormat HEX = HexFormat.of().withUpperCase();

    private Wire() {
    }

    /**
     * Reads one line ending in {@code \n} (an optional {@code \r} before it is dropped), or null at end
     * of stream before any byte.
     *
     * @throws FilesException BAD_REQUEST when the line is longer than {@link #MAX_LINE} or not UTF-8
     * @throws java.io.EOFException when the stream ends inside a line
     */
    static String readLine(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream(128);
        for (int b = in.read(); b != '\n'; b = in.read()) {
            if (b < 0) {
                if (line.size() == 0) {
                    return null;
                }
                throw new java.io.EOFException("connection closed inside a line");
            }
            if (line.size() >= MAX_LINE) {
                throw new FilesException(FilesException.Code.BAD_REQUEST,
                        line.toString(StandardCharsets.UTF_8).substring(0, 40) + "...", "line longer than " + MAX_LINE + " bytes");
            }
            line.write(b);
        }
        byte[] bytes = line.toByteArray();
        int length = bytes.length > 0 && bytes[bytes.length - 1] == '\r' ? bytes.length - 1 : bytes.length;
        return utf8(bytes, 0, length);
    }

    /** Decodes strict UTF-8, refusing malformed input instead of replacing it. */
    static String utf8(byte[] bytes, int offset, int length) throws FilesException {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes, offset, length)).toString();
        } catch (CharacterCodingException e) {
            throw new FilesException(FilesException.Code.BAD_REQUEST, "bytes that are not UTF-8");
        }
    }

    /** Percent-encodes every UTF-8 byte of {@code path} outside the unreserved set (space, %, controls...). */
    static String encode(String path) {
        StringBuilder out = new StringBuilder(path.length() + 8);
        for (byte b : path.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            if (c < 0x80 && UNRESERVED.indexOf(c) >= 0) {
                out.append(c);
            } else {
                out.append('%').append(HEX.toHexDigits(b));
            }
        }
        return out.isEmpty() ? "." : out.toString();
    }

    /**
     * Decodes a percent-encoded path field.
     *
     * @throws FilesException BAD_REQUEST naming the field when an escape is broken or the bytes are not UTF-8
     */
    static String decode(String field) throws FilesException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(field.length());
        for (int i = 0; i < field.length(); i++) {
            char c = field.charAt(i);
            if (c == '%') {
                if (i + 2 >= field.length() || !HexFormat.isHexDigit(field.charAt(i + 1)) || !HexFormat.isHexDigit(field.charAt(i + 2))) {
                    throw new FilesException(FilesException.Code.BAD_REQUEST, field, "broken %-escape in path");
                }
                bytes.write(HexFormat.fromHexDigits(field, i + 1, i + 3));
                i += 2;
            } else if (c > 0x20 && c < 0x7f) {
                bytes.write(c);
            } else {
                throw new FilesException(FilesException.Code.BAD_REQUEST, field, "unencoded character in path");
            }
        }
        byte[] raw = bytes.toByteArray();
        return utf8(raw, 0, raw.length);
    }

    /** Splits a header line into exactly {@code count} space-separated fields after its verb. */
    static String[] fields(String line, int count) throws FilesException {
        String[] parts = line.split(" ", -1);
        if (parts.length != count + 1) {
            throw new FilesException(FilesException.Code.BAD_REQUEST, line,
                    "expected " + count + " field(s) after " + parts[0]);
        }
        return parts;
    }

    /** Parses a non-negative decimal number field. */
    static long number(String field, String line) throws FilesException {
        try {
            long n = Long.parseLong(field);
            if (n >= 0) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below with the whole line
        }
        throw new FilesException(FilesException.Code.BAD_REQUEST, line, "bad number '" + field + "' in");
    }

    static String hex(byte[] digest) {
        return HexFormat.of().formatHex(digest);
    }

    static byte[] line(String text) {
        return (text + "\n").getBytes(StandardCharsets.UTF_8);
    }
}
