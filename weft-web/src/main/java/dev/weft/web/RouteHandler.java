package dev.weft.web;

/**
 * The code behind one route. It may return an {@link dev.weft.http.HttpResponse} to say everything, or a
 * plain value that {@link Response#of(Object)} turns into one: a String is HTML (as the seeds send it),
 * bytes are {@code application/octet-stream}, null is 204, and anything else is JSON.
 */
@FunctionalInterface
public interface RouteHandler {

    Object handle(Request request) throws Exception;
}
