package dev.weft.tools.ftp;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;

/**
 * An {@code ftp://[user[:password]@]host[:port]/path} URL. The path is relative to the login directory
 * (RFC 1738; {@code %2F} at its start makes it absolute); without a user the login is anonymous with the
 * conventional e-mail-style password.
 */
public record FtpUrl(String user, String password, String host, int port, String path) {

    public static final int DEFAULT_PORT = 21;
    public static final String ANONYMOUS = "anonymous";
    public static final String ANONYMOUS_PASSWORD = "weft@";

    public FtpUrl {
        if (host == null || host.isBlank()) {
            throw new IllegalArgumentException("FTP URL has no host");
        }
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("FTP port out of range: " + port);
        }
        path = path == null ? "" : path;
    }

    /** Parses an ftp:// URL; a bare "host[:port]" is taken as ftp://host[:port]/. */
    public static FtpUrl parse(String text) {
        String full = text.contains("://") ? text : "ftp://" + text;
        URI uri;
        try {
            uri = new URI(full);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("not a valid FTP URL: " + text + " (" + e.getReason() + ")");
        }
        if (!"ftp".equalsIgnoreCase(uri.getScheme())) {
            throw new IllegalArgumentException("not an ftp:// URL: " + text);
        }
        if (uri.getHost() == null) {
            throw new IllegalArgumentException("FTP URL has no host: " + text);
        }
        String host = uri.getHost().replaceAll("^\\[(.*)]$", "$1");
        int port = uri.getPort() == -1 ? DEFAULT_PORT : uri.getPort();
        String user = ANONYMOUS;
        String password = ANONYMOUS_PASSWORD;
        String userInfo = uri.getRawUserInfo();
        if (userInfo != null) {
            int colon = userInfo.indexOf(':');
            user = decode(colon < 0 ? userInfo : userInfo.substring(0, colon));
            password = colon < 0 ? "" : decode(userInfo.substring(colon + 1));
        }
        String rawPath = uri.getRawPath() == null ? "" : uri.getRawPath();
        return new FtpUrl(user, password, host, port, decode(rawPath.replaceFirst("^/", "")));
    }

    public boolean anonymous() {
        return ANONYMOUS.equals(user);
    }

    public FtpUrl withPath(String newPath) {
        return new FtpUrl(user, password, host, port, newPath);
    }

    /** The last path segment, or "" for a directory URL ending in '/'. */
    public String fileName() {
        return path.substring(path.lastIndexOf('/') + 1);
    }

    /** host:port as shown in messages (IPv6 in brackets). */
    public String address() {
        return (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
    }

    /** The URL without its password, for messages. */
    @Override
    public String toString() {
        return "ftp://" + (anonymous() ? "" : user + "@") + address() + "/" + path;
    }

    private static String decode(String raw) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '%' && i + 2 < raw.length()) { // URI has checked that escapes are well formed
                bytes.write(Integer.parseInt(raw.substring(i + 1, i + 3), 16));
                i += 2;
            } else {
                bytes.writeBytes(String.valueOf(c).getBytes(StandardCharsets.UTF_8));
            }
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }
}
