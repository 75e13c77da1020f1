package dev.weft.web;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The route table, frozen when the app's handler is built: finds the route for a method and path,
 * or says which methods the path allows (405), or that nothing matches (404). HEAD uses GET's route.
 */
final class Router {

    /** One entry of the table. */
    record Route(String method, PathPattern pattern, RouteHandler handler) {
    }

    /** What a lookup found. */
    sealed interface Match {
    }

    record Found(Route route, Map<String, String> params) implements Match {
    }

    record MethodNotAllowed(Set<String> allowed) implements Match {
    }

    record NotFound() implements Match {
    }

    private static final NotFound NOT_FOUND = new NotFound();

    private final List<Route> routes;

    Router(List<Route> routes) {
        List<Route> ordered = new ArrayList<>(routes);
        ordered.sort(Comparator.comparingInt(route -> route.pattern().generality()));
        this.routes = List.copyOf(ordered);
    }

    Match match(String method, List<String> path) {
        Set<String> allowed = new LinkedHashSet<>();
        Found headFallback = null;
        for (Route route : routes) {
            Map<String, String> params = route.pattern().match(path);
            if (params == null) {
                continue;
            }
            if (route.method().equals(method)) {
                return new Found(route, params);
            }
            if (method.equals("HEAD") && route.method().equals("GET") && headFallback == null) {
                headFallback = new Found(route, params);
            }
            allowed.add(route.method());
            if (route.method().equals("GET")) {
                allowed.add("HEAD");
            }
        }
        if (headFallback != null) {
            return headFallback;
        }
        return allowed.isEmpty() ? NOT_FOUND : new MethodNotAllowed(allowed);
    }
}
