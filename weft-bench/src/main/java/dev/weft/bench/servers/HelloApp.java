package dev.weft.bench.servers;

import dev.weft.web.Response;
import dev.weft.web.Web;
import dev.weft.web.WebApp;

/**
 * The web app of {@code weft bench http}: one route, {@code GET /route}, answering the 13 bytes "Hello, World!" as
 * text/plain, written as a user writes a {@code weft serve --app} class. Its cost over the engine's own
 * {@code /hello} is the web layer's (routing, request and response objects).
 */
public final class HelloApp implements WebApp {

    /** The route's path; every peer answers the same path with the same bytes. */
    public static final String PATH = "/route";

    @Override
    public void routes(Web web) {
        web.get(PATH, request -> Response.text(ServerArgs.HELLO));
    }
}
