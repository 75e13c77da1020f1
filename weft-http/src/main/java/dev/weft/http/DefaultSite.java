package dev.weft.http;

/**
 * What {@code weft serve} runs when no folder is given: the web-app module registers its bundled demo site
 * as a {@link java.util.ServiceLoader} provider of this interface
 * ({@code META-INF/services/dev.weft.http.DefaultSite}). The first provider found is used.
 */
public interface DefaultSite {

    /** The handler serving the site. */
    HttpHandler handler() throws Exception;

    /** The first registered site, if any module provides one. */
    static java.util.Optional<DefaultSite> find() {
        return java.util.ServiceLoader.load(DefaultSite.class).findFirst();
    }
}
