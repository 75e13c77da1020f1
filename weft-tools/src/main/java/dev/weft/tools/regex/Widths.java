package dev.weft.tools.regex;

import java.util.List;

/**
 * The shortest and longest text a pattern part can match, as Python's {@code SubPattern.getwidth} counts it: Python
 * accepts a look-behind only when both are equal, and so must weft (Java would accept bounded ones).
 */
final class Widths {

    static final long UNBOUNDED = Long.MAX_VALUE;

    private Widths() {
    }

    static long[] of(Node node, List<long[]> groups) {
        return switch (node) {
            case Node.Literal l -> new long[] {1, 1};
            case Node.AnyChar a -> new long[] {1, 1};
            case Node.Category c -> new long[] {1, 1};
            case Node.CharSet s -> new long[] {1, 1};
            case Node.Anchor a -> new long[] {0, 0};
            case Node.Look l -> new long[] {0, 0};
            case Node.Group g -> of(g.body(), groups);
            case Node.Scoped s -> of(s.body(), groups);
            case Node.Atomic a -> of(a.body(), groups);
            case Node.Backref b -> {
                long[] w = b.group() < groups.size() ? groups.get(b.group()) : null;
                yield w == null ? new long[] {0, UNBOUNDED} : w.clone();
            }
            case Node.Conditional c -> {
                long[] yes = of(c.yes(), groups);
                long[] no = of(c.no(), groups);
                yield new long[] {Math.min(yes[0], no[0]), Math.max(yes[1], no[1])};
            }
            case Node.Repeat r -> {
                long[] w = of(r.body(), groups);
                long max = r.max() < 0 ? PythonParser.MAXREPEAT : r.max();
                yield new long[] {times(w[0], r.min()), times(w[1], max)};
            }
            case Node.Alternation a -> {
                long lo = UNBOUNDED;
                long hi = 0;
                for (Node branch : a.branches()) {
                    long[] w = of(branch, groups);
                    lo = Math.min(lo, w[0]);
                    hi = Math.max(hi, w[1]);
                }
                yield new long[] {lo, hi};
            }
            case Node.Sequence s -> {
                long lo = 0;
                long hi = 0;
                for (Node item : s.items()) {
                    long[] w = of(item, groups);
                    lo = plus(lo, w[0]);
                    hi = plus(hi, w[1]);
                }
                yield new long[] {lo, hi};
            }
        };
    }

    /** Rejects a look-behind whose width is not fixed, with Python's message (which has no position). */
    static void checkLookbehinds(Node node, List<long[]> groups, String pattern) throws RegexSyntaxError {
        switch (node) {
            case Node.Look l -> {
                if (l.behind()) {
                    long[] w = of(l.body(), groups);
                    if (w[0] != w[1]) {
                        throw new RegexSyntaxError("look-behind requires fixed-width pattern", pattern, -1);
                    }
                }
                checkLookbehinds(l.body(), groups, pattern);
            }
            case Node.Group g -> checkLookbehinds(g.body(), groups, pattern);
            case Node.Scoped s -> checkLookbehinds(s.body(), groups, pattern);
            case Node.Atomic a -> checkLookbehinds(a.body(), groups, pattern);
            case Node.Repeat r -> checkLookbehinds(r.body(), groups, pattern);
            case Node.Conditional c -> {
                checkLookbehinds(c.yes(), groups, pattern);
                checkLookbehinds(c.no(), groups, pattern);
            }
            case Node.Alternation a -> {
                for (Node branch : a.branches()) {
                    checkLookbehinds(branch, groups, pattern);
                }
            }
            case Node.Sequence s -> {
                for (Node item : s.items()) {
                    checkLookbehinds(item, groups, pattern);
                }
            }
            default -> {
            }
        }
    }

    private static long times(long a, long b) {
        if (a == 0 || b == 0) {
            return 0;
        }
        return a >= UNBOUNDED / b ? UNBOUNDED : a * b;
    }

    private static long plus(long a, long b) {
        return a >= UNBOUNDED - b ? UNBOUNDED : a + b;
    }
}
