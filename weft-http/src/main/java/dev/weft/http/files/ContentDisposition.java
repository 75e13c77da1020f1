package dev.weft.http.files;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * A multipart part's {@code Content-Disposition} (RFC 7578 section 4.2), read by the one rule weft has for names:
 * parameters may be quoted (a {@code ;} inside quotes is kept; only {@code \"} is an escape, since browsers send
 * Windows paths with bare backslashes); {@code filename*} (RFC 8187, {@code UTF-8''r%C3%A9sum%C3%A9.txt}) wins over
 * {@code filename}; a plain {@code filename} is the UTF-8 the browser sent (the header text arrives already decoded,
 * see {@link MultipartReader}); and a file name keeps only its last path segment, as section 4.2 asks.
 *
 * @param name     the form field's name, or null when there is none
 * @param fileName the file's name without any directory part, or null for a plain field
 */
public record ContentDisposition(String name, String fileName) {

    /** Reads a Content-Disposition value (null reads as no parameters). */
    public static ContentDisposition parse(String header) {
        if (header == null) {
            return new ContentDisposition(null, null);
        }
        String extended = parameter(header, "filename*");
        String fileName = extended == null ? null : extendedValue(extended);
        if (fileName == null) {
            fileName = parameter(header, "filename");
        }
        return new ContentDisposition(parameter(header, "name"), fileName == null ? null : baseName(fileName));
    }

    /** The last segment of {@code fileName} after any {@code /} or {@code \} (old browsers send the client's full path). */
    public static String baseName(String fileName) {
        int slash = Math.max(fileName.lastIndexOf('/'), fileName.lastIndexOf('\\'));
        return fileName.substring(slash + 1);
    }

    /**
     * The value of parameter {@code name} (given in lower case; matched case-insensitively) of a header shaped
     * {@code value; name=token; other="quoted"}, unquoted, or null when absent.
     */
    public static String parameter(String header, String name) {
        int i = header.indexOf(';');
        while (i >= 0 && i < header.length()) {
            int start = i + 1;
            int equals = header.indexOf('=', start);
            if (equals < 0) {
                return null;
            }
            String key = header.substring(start, equals).trim().toLowerCase(Locale.ROOT);
            StringBuilder value = new StringBuilder();
            int end = readValue(header, equals + 1, value);
            if (key.equals(name)) {
                return value.toString();
            }
            i = header.indexOf(';', end);
        }
        return null;
    }

    /** Reads a token or quoted string from {@code from} into {@code value}; returns where it ended. */
    private static int readValue(String header, int from, StringBuilder value) {
        int i = from;
        while (i < header.length() && header.charAt(i) == ' ') {
            i++;
        }
        if (i < header.length() && header.charAt(i) == '"') {
            for (i++; i < header.length() && header.charAt(i) != '"'; i++) {
                char c = header.charAt(i);
                if (c == '\\' && i + 1 < header.length() && header.charAt(i + 1) == '"') {
                    c = header.charAt(++i);
                }
                value.append(c);
            }
            return i + 1;
        }
        int semicolon = header.indexOf(';', i);
        int end = semicolon < 0 ? header.length() : semicolon;
        value.append(header, i, end);
        int trim = value.length();
        while (trim > 0 && value.charAt(trim - 1) == ' ') {
            trim--;
        }
        value.setLength(trim);
        return end;
    }

    /** An RFC 8187 ext-value {@code charset'language'pct-encoded}, decoded; null when malformed or of another charset. */
    static String extendedValue(String value) {
        int first = value.indexOf('\'');
        int second = first < 0 ? -1 : value.indexOf('\'', first + 1);
        if (second < 0) {
            return null;
        }
        String charsetName = value.substring(0, first).trim();
        Charset charset;
        if (charsetName.equalsIgnoreCase("UTF-8")) {
            charset = StandardCharsets.UTF_8;
        } else if (charsetName.equalsIgnoreCase("ISO-8859-1")) {
            charset = StandardCharsets.ISO_8859_1;
        } else {
            return null;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        String encoded = value.substring(second + 1);
        for (int i = 0; i < encoded.length(); i++) {
            char c = encoded.charAt(i);
            if (c == '%') {
                int high = i + 2 < encoded.length() ? Character.digit(encoded.charAt(i + 1), 16) : -1;
                int low = high < 0 ? -1 : Character.digit(encoded.charAt(i + 2), 16);
                if (low < 0) {
                    return null;
                }
                bytes.write(high << 4 | low);
                i += 2;
            } else if (c < 0x80) {
                bytes.write(c);
            } else {
                return null;
            }
        }
        try {
            return charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes.toByteArray())).toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }
}
