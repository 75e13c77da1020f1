package dev.weft.web;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A cookie to send with {@code Set-Cookie} (RFC 6265): name and value plus the attributes a browser keeps,
 * and the lenient reading of a request's {@code Cookie} header. Build one with {@link #of} and the
 * {@code with...} methods, send it with {@link #addTo}; {@link #deleting} makes the header that removes one.
 *
 * <pre>{@code
 * Cookie.of("theme", "dark").withMaxAge(Duration.ofDays(30)).withHttpOnly(true).addTo(response);
 * }</pre>
 */
public record Cookie(String name, String value, String path, String domain, Duration maxAge, Instant expires,
                     boolean secure, boolean httpOnly, SameSite sameSite) {

    /** The {@code SameSite} attribute: when the browser sends the cookie with a cross-site request. */
    public enum SameSite {
        STRICT("Strict"), LAX("Lax"), NONE("None");

        private final String text;

        SameSite(String text) {
            this.text = text;
        }
    }

    private static final DateTimeFormatter HTTP_DATE = DateTimeFormatter.RFC_1123_DATE_TIME.withZone(ZoneOffset.UTC);

    public Cookie {
        if (name == null || name.isEmpty() || !isToken(name)) {
            throw new IllegalArgumentException("bad cookie name '" + name + "': it must be a non-empty token");
        }
        Objects.requireNonNull(value, "value");
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c <= ' ' || c == '"' || c == ',' || c == ';' || c == '\\' || c >= 0x7f) {
                throw new IllegalArgumentException("bad character in the value of cookie " + name + ": '" + value
                        + "' (encode it first, e.g. base64url)");
            }
        }
        if (sameSite == SameSite.NONE && !secure) {
            throw new IllegalArgumentException("cookie " + name + ": SameSite=None needs Secure (browsers drop it otherwise)");
        }
    }

    /** A session cookie (no expiry) for the whole site: Path=/, HttpOnly, SameSite=Lax. */
    public static Cookie of(String name, String value) {
        return new Cookie(name, value, "/", null, null, null, false, true, SameSite.LAX);
    }

    /** The cookie that makes a browser forget {@code name} (empty value, Max-Age=0, an expiry in the past). */
    public static Cookie deleting(String name) {
        return new Cookie(name, "", "/", null, Duration.ZERO, Instant.EPOCH, false, true, SameSite.LAX);
    }

    public Cookie withPath(String path) {
        return new Cookie(name, value, path, domain, maxAge, expires, secure, httpOnly, sameSite);
    }

    public Cookie withDomain(String domain) {
        return new Cookie(name, value, path, domain, maxAge, expires, secure, httpOnly, sameSite);
    }

    public Cookie withMaxAge(Duration maxAge) {
        return new Cookie(name, value, path, domain, maxAge, expires, secure, httpOnly, sameSite);
    }

    public Cookie withExpires(Instant expires) {
        return new Cookie(name, value, path, domain, maxAge, expires, secure, httpOnly, sameSite);
    }

    public Cookie withSecure(boolean secure) {
        return new Cookie(name, value, path, domain, maxAge, expires, secure, httpOnly, sameSite);
    }

    public Cookie withHttpOnly(boolean httpOnly) {
        return new Cookie(name, value, path, domain, maxAge, expires, secure, httpOnly, sameSite);
    }

    public Cookie withSameSite(SameSite sameSite) {
        return new Cookie(name, value, path, domain, maxAge, expires, secure, httpOnly, sameSite);
    }

    /** The {@code Set-Cookie} header value. */
    public String header() {
        StringBuilder header = new StringBuilder(name).append('=').append(value);
        if (path != null) {
            header.append("; Path=").append(path);
        }
        if (domain != null) {
            header.append("; Domain=").append(domain);
        }
        if (maxAge != null) {
            header.append("; Max-Age=").append(Math.max(0, maxAge.toSeconds()));
        }
        if (expires != null) {
            header.append("; Expires=").append(HTTP_DATE.format(expires));
        }
        if (secure) {
            header.append("; Secure");
        }
        if (httpOnly) {
            header.append("; HttpOnly");
        }
        if (sameSite != null) {
            header.append("; SameSite=").append(sameSite.text);
        }
        return header.toString();
    }

    /** Adds this cookie's {@code Set-Cookie} to {@code response} (other cookies already set stay). */
    public dev.weft.http.HttpResponse addTo(dev.weft.http.HttpResponse response) {
        response.headers().add("Set-Cookie", header());
        return response;
    }

    /**
     * The cookies of {@code Cookie} header values, first value of a name winning (the browser sends the most
     * specific path first). Read field by field: a field without {@code =}, with an empty or non-token name,
     * or with a bad character in its value is skipped, the others kept.
     */
    public static Map<String, String> parse(List<String> headers) {
        Map<String, String> found = new LinkedHashMap<>();
        for (String header : headers) {
            for (String pair : header.split(";")) {
                int equals = pair.indexOf('=');
                if (equals <= 0) {
                    continue;
                }
                String name = pair.substring(0, equals).trim();
                String value = pair.substring(equals + 1).trim();
                if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
                    value = value.substring(1, value.length() - 1);
                }
                if (!name.isEmpty() && isToken(name) && value.chars().noneMatch(c -> c < 0x20 || c == 0x7f)) {
                    found.putIfAbsent(name, value);
                }
            }
        }
        return Collections.unmodifiableMap(found);
    }

    private static boolean isToken(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c <= ' ' || c >= 0x7f || "()<>@,;:\\\"/[]?={}".indexOf(c) >= 0) {
                return false;
            }
        }
        return true;
    }

    @Override
    public String toString() {
        return "cookie " + name; // never the value: it may be a session id
    }
}
