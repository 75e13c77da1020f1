package dev.weft.http.client;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

/**
 * {@code user:pass} from {@code -u} or from the URL, turned into a Basic Authorization header; and URLs stripped
 * of their credentials wherever they are shown, so a password never appears in a message.
 */
public final class Credentials {

    private Credentials() {
    }

    /** The Authorization header value for {@code user:pass} (a missing password is empty, as curl sends it). */
    public static String basic(String userPass) {
        return "Basic " + Base64.getEncoder().encodeToString(userPass.getBytes(StandardCharsets.UTF_8));
    }

    /** The URL's own {@code user:pass}, decoded, if it has one. */
    public static Optional<String> inUrl(URI uri) {
        String info = uri.getRawUserInfo();
        return info == null ? Optional.empty() : Optional.of(URLDecoder.decode(info, StandardCharsets.UTF_8));
    }

    /** The URL without its user info. */
    public static URI strip(URI uri) {
        if (uri.getRawUserInfo() == null) {
            return uri;
        }
        try {
            return new URI(uri.getScheme(), null, uri.getHost(), uri.getPort(), uri.getPath(), uri.getQuery(), uri.getFragment());
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("cannot rebuild " + hide(uri.toString()), e);
        }
    }

    /** The URL as shown to a person: a password becomes {@code ***}. */
    public static URI hide(URI uri) {
        return uri.getRawUserInfo() == null ? uri : URI.create(hide(uri.toString()));
    }

    /** The same for a URL that may not parse. */
    public static String hide(String url) {
        return url.replaceFirst("^([a-zA-Z][a-zA-Z0-9+.-]*://[^/@:]*):[^/@]*@", "$1:***@");
    }
}
