package dev.weft.web;

/**
 * Where a web app starts: {@code Weft.http().get("/", request -> "hello").start(8080)}.
 * The one static entry point, so a newcomer's first line of code reads like the product's name.
 */
public final class Weft {

    private Weft() {
    }

    /** A new, empty web app to add routes, filters, templates and static files to. */
    public static Web http() {
        return new Web();
    }
}
