package dev.weft.tools.download;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The file name a download is saved under: the server's {@code Content-Disposition} filename (RFC 6266, preferring
 * the RFC 8187 {@code filename*} form), else the last segment of the URL path, else {@code index.html}. Whatever the
 * server says, the result is one plain name: no directories, no leading dots, no control characters.
 */
final class RemoteName {

    private static final Pattern EXTENDED = Pattern.compile("filename\\*\\s*=\\s*([^';]+)'[^']*'([^;\\s]+)",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern QUOTED = Pattern.compile("filename\\s*=\\s*\"((?:[^\"\\\\]|\\\\.)*)\"",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern TOKEN = Pattern.compile("filename\\s*=\\s*([^;\\s\"]+)", Pattern.CASE_INSENSITIVE);
    private static final int MAX_LENGTH = 200;

    private RemoteName() {
    }

    static String of(URI url, dev.weft.http.HttpHeaders headers) {
        return headers.first("Content-Disposition").flatMap(RemoteName::fromDisposition)
                .or(() -> fromPath(url))
                .orElse("index.html");
    }

    static Optional<String> fromDisposition(String disposition) {
        Matcher extended = EXTENDED.matcher(disposition);
        if (extended.find()) {
            Optional<String> name = decodeExtended(extended.group(1), extended.group(2));
            if (name.isPresent()) {
                return name;
            }
        }
        Matcher quoted = QUOTED.matcher(disposition);
        if (quoted.find()) {
            return clean(quoted.group(1).replaceAll("\\\\(.)", "$1"));
        }
        Matcher token = TOKEN.matcher(disposition);
        return token.find() ? clean(token.group(1)) : Optional.empty();
    }

    private static Optional<String> decodeExtended(String charset, String encoded) {
        try {
            return clean(URLDecoder.decode(encoded.replace("+", "%2B"), Charset.forName(charset.strip())));
        } catch (IllegalArgumentException e) { // bad charset name or bad %-escape: fall back to filename=
            return Optional.empty();
        }
    }

    static Optional<String> fromPath(URI url) {
        String path = url.getRawPath();
        if (path == null || path.isEmpty() || path.endsWith("/")) {
            return Optional.empty();
        }
        String segment = path.substring(path.lastIndexOf('/') + 1);
        try {
            return clean(URLDecoder.decode(segment.replace("+", "%2B"), StandardCharsets.UTF_8));
        } catch (IllegalArgumentException e) {
            return clean(segment);
        }
    }

    /** Keeps the last path component, drops control characters and leading dots, bounds the length. */
    static Optional<String> clean(String name) {
        String last = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
        String plain = last.replaceAll("\\p{Cntrl}", "").strip().replaceFirst("^\\.+", "");
        if (plain.length() > MAX_LENGTH) {
            int dot = plain.lastIndexOf('.');
            String extension = dot > 0 && plain.length() - dot <= 16 ? plain.substring(dot) : "";
            plain = plain.substring(0, MAX_LENGTH - extension.length()) + extension;
        }
        return plain.isEmpty() ? Optional.empty() : Optional.of(plain);
    }
}
