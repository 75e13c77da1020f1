package dev.weft.web;

import java.lang.annotation.Annotation;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;

/**
 * Finds the routes a plain object declares with {@link Get @Get}, {@link Post @Post} ... on its public
 * methods, the seeds' {@code @route('/info.html')} decorator. A route method takes no parameters or one
 * {@link Request}, and returns what a {@link RouteHandler} may return.
 */
final class AnnotatedRoutes {

    /** One route found on a method. */
    record Declared(String method, String pattern, RouteHandler handler) {
    }

    private AnnotatedRoutes() {
    }

    /**
     * @throws IllegalArgumentException naming the method when a route method has another shape, or when
     *                                  the object declares no routes at all
     */
    static List<Declared> of(Object controller) {
        List<Declared> found = new ArrayList<>();
        for (Method method : controller.getClass().getMethods()) {
            for (Annotation annotation : method.getAnnotations()) {
                String verb = verb(annotation);
                if (verb == null) {
                    continue;
                }
                RouteHandler handler = handler(controller, method);
                for (String pattern : patterns(annotation)) {
                    found.add(new Declared(verb, pattern, handler));
                }
            }
        }
        if (found.isEmpty()) {
            throw new IllegalArgumentException(controller.getClass().getName()
                    + " has no public method annotated @Get, @Post, @Put, @Delete or @Patch");
        }
        return found;
    }

    private static String verb(Annotation annotation) {
        return switch (annotation) {
            case Get g -> "GET";
            case Post p -> "POST";
            case Put p -> "PUT";
            case Delete d -> "DELETE";
            case Patch p -> "PATCH";
            default -> null;
        };
    }

    private static String[] patterns(Annotation annotation) {
        return switch (annotation) {
            case Get g -> g.value();
            case Post p -> p.value();
            case Put p -> p.value();
            case Delete d -> d.value();
            case Patch p -> p.value();
            default -> throw new IllegalStateException("not a route annotation: " + annotation);
        };
    }

    private static RouteHandler handler(Object controller, Method method) {
        Class<?>[] parameters = method.getParameterTypes();
        boolean takesRequest = parameters.length == 1 && parameters[0] == Request.class;
        if (parameters.length > 1 || parameters.length == 1 && !takesRequest || Modifier.isStatic(method.getModifiers())) {
            throw new IllegalArgumentException("route method " + method
                    + " must be an instance method taking no parameters or one Request");
        }
        method.trySetAccessible();
        return request -> {
            try {
                return takesRequest ? method.invoke(controller, request) : method.invoke(controller);
            } catch (InvocationTargetException e) {
                if (e.getCause() instanceof Error error) {
                    throw error;
                }
                throw (Exception) e.getCause();
            }
        };
    }
}
