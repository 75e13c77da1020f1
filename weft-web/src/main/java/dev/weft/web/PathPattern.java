package dev.weft.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * A route's path: literal segments, named parameters with optional regex constraints and a trailing
 * wildcard, e.g. {@code /users/{id:\d+}} or {@code /files/*}. Matched segment by segment against the
 * request path's decoded segments, so {@code %2F} inside a parameter stays inside it.
 */
public final class PathPattern {

    /** The parameter name a trailing {@code *} binds: the rest of the path. */
    public static final String WILDCARD = "*";

    private sealed interface Segment {
    }

    private record Literal(String text) implements Segment {
    }

    private record Param(String name, Pattern constraint) implements Segment {
    }

    private final String text;
    private final List<Segment> segments;
    private final boolean wildcard;

    private PathPattern(String text, List<Segment> segments, boolean wildcard) {
        this.text = text;
        this.segments = segments;
        this.wildcard = wildcard;
    }

    /**
     * Parses a pattern.
     *
     * @throws IllegalArgumentException naming the pattern when it does not start with {@code /}, has an
     *                                  unclosed brace, a bad regex or a {@code *} that is not last
     */
    public static PathPattern parse(String pattern) {
        if (pattern == null || !pattern.startsWith("/")) {
            throw new IllegalArgumentException("path pattern must start with '/': " + pattern);
        }
        List<String> parts = PathPattern.split(pattern);
        List<Segment> segments = new ArrayList<>(parts.size());
        boolean wildcard = false;
        for (int i = 0; i < parts.size(); i++) {
            String part = parts.get(i);
            if (part.equals(WILDCARD)) {
                if (i != parts.size() - 1) {
                    throw new IllegalArgumentException("'*' must be the last segment of path pattern " + pattern);
                }
                wildcard = true;
            } else if (part.startsWith("{")) {
                segments.add(param(pattern, part));
            } else {
                segments.add(new Literal(part));
            }
        }
        return new PathPattern(pattern, List.copyOf(segments), wildcard);
    }

    private static Param param(String pattern, String part) {
        if (!part.endsWith("}") || part.length() < 3) {
            throw new IllegalArgumentException("bad parameter '" + part + "' in path pattern " + pattern);
        }
        String inside = part.substring(1, part.length() - 1);
        int colon = inside.indexOf(':');
        String name = colon < 0 ? inside : inside.substring(0, colon);
        if (name.isEmpty()) {
            throw new IllegalArgumentException("parameter without a name in path pattern " + pattern);
        }
        try {
            return new Param(name, colon < 0 ? null : Pattern.compile(inside.substring(colon + 1)));
        } catch (PatternSyntaxException e) {
            throw new IllegalArgumentException("bad regex in '" + part + "' of path pattern " + pattern, e);
        }
    }

    /** The segments of a path: {@code /} has none, {@code /a/b} two, {@code /a/} two (the second empty). */
    static List<String> split(String path) {
        List<String> parts = new ArrayList<>();
        if (path.equals("/")) {
            return parts;
        }
        int start = 1;
        while (true) {
            int slash = path.indexOf('/', start);
            if (slash < 0) {
                parts.add(path.substring(start));
                return parts;
            }
            parts.add(path.substring(start, slash));
            start = slash + 1;
        }
    }

    /** The parameters this pattern binds from decoded {@code path} segments, or null when it does not match. */
    public Map<String, String> match(List<String> path) {
        if (wildcard ? path.size() <= segments.size() : path.size() != segments.size()) {
            return null;
        }
        Map<String, String> params = new LinkedHashMap<>();
        for (int i = 0; i < segments.size(); i++) {
            String actual = path.get(i);
            switch (segments.get(i)) {
                case Literal literal -> {
                    if (!literal.text().equals(actual)) {
                        return null;
                    }
                }
                case Param param -> {
                    if (param.constraint() != null ? !param.constraint().matcher(actual).matches() : actual.isEmpty()) {
                        return null;
                    }
                    params.put(param.name(), actual);
                }
            }
        }
        if (wildcard) {
            params.put(WILDCARD, String.join("/", path.subList(segments.size(), path.size())));
        }
        return params;
    }

    /** 0 for all-literal patterns, 1 with parameters, 2 with a wildcard: more specific routes are tried first. */
    int generality() {
        if (wildcard) {
            return 2;
        }
        return segments.stream().anyMatch(Param.class::isInstance) ? 1 : 0;
    }

    @Override
    public String toString() {
        return text;
    }
}
