package dev.weft.web;

/**
 * A web app packaged as a class: what {@code weft serve --app CLASS} loads (it needs a public no-arg
 * constructor) and what {@link Web#routes(WebApp)} adds. The bundled demo site is one of these.
 */
@FunctionalInterface
public interface WebApp {

    /** Adds this app's routes, filters, templates and static files to {@code web}. */
    void routes(Web web);
}
