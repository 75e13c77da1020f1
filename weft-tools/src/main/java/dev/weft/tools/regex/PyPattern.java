package dev.weft.tools.regex;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * A compiled pattern that answers like Python's {@code re.Pattern}: {@code match}, {@code search},
 * {@code fullmatch}, {@code findall}, {@code finditer}, {@code sub}, {@code subn} and {@code split}, with Python
 * 3.7+'s rule for empty matches (one may follow a non-empty match; after an empty one the next must move on).
 */
public final class PyPattern {

    private final String source;
    private final Pattern pattern;
    private final Pattern nonEmpty;
    private final int groups;
    private final int[] groupOf;
    private final Map<String, Integer> names;
    private final Node tree;

    private PyPattern(String source, Pattern pattern, int groups, int[] groupOf, Map<String, Integer> names,
            Node tree) {
        this.source = source;
        this.pattern = pattern;
        this.nonEmpty = Pattern.compile("(?:" + pattern.pattern() + ")(?!\\G)", pattern.flags());
        this.groups = groups;
        this.groupOf = groupOf;
        this.names = names;
        this.tree = tree;
    }

    /** Compiles a pattern in Python's syntax with Python's flags ({@link PyFlags}). */
    public static PyPattern compile(String pattern, int flags) throws RegexSyntaxError {
        PythonParser.Parsed parsed = PythonParser.parse(pattern, flags);
        JavaEmitter.Translation java = JavaEmitter.translate(parsed);
        try {
            return new PyPattern(pattern, Pattern.compile(java.regex(), java.javaFlags()), parsed.groups(),
                    java.groupOf(), parsed.names(), parsed.root());
        } catch (PatternSyntaxException e) {
            throw new RegexSyntaxError("weft cannot translate this pattern to Java (" + e.getDescription() + ")",
                    pattern, -1);
        }
    }

    /** Compiles a pattern in Java's own syntax, unchanged; the flags map onto Java's. */
    public static PyPattern compileJava(String pattern, int flags) throws RegexSyntaxError {
        try {
            int javaFlags = JavaEmitter.javaFlags(flags) & ~Pattern.UNIX_LINES
                    | ((flags & PyFlags.MULTILINE) != 0 ? Pattern.MULTILINE : 0)
                    | ((flags & PyFlags.VERBOSE) != 0 ? Pattern.COMMENTS : 0);
            Pattern compiled = Pattern.compile(pattern, javaFlags);
            int count = compiled.matcher("").groupCount();
            int[] groupOf = new int[count + 1];
            for (int g = 0; g <= count; g++) {
                groupOf[g] = g;
            }
            return new PyPattern(pattern, compiled, count, groupOf, Map.copyOf(compiled.namedGroups()), null);
        } catch (PatternSyntaxException e) {
            int position = e.getIndex() < 0 ? -1 : pattern.codePointCount(0, Math.min(e.getIndex(), pattern.length()));
            throw new RegexSyntaxError(e.getDescription(), pattern, position);
        }
    }

    public String source() {
        return source;
    }

    public int groups() {
        return groups;
    }

    public Map<String, Integer> groupIndex() {
        return names;
    }

    /** The parsed tree, for {@code --explain}; null for a Java-syntax pattern. */
    Node tree() {
        return tree;
    }

    /** The Java pattern this one runs as. */
    public String javaRegex() {
        return pattern.pattern();
    }

    /** A reusable search over one text at a time: {@link #reset} points it at the next. */
    public Scan scan(CharSequence text) {
        return new Scan(text);
    }

    public PyMatch search(CharSequence text) {
        Scan scan = scan(text);
        return scan.matcher.find(0) ? scan.result(scan.matcher) : null;
    }

    public PyMatch match(CharSequence text) {
        Scan scan = scan(text);
        return scan.matcher.lookingAt() ? scan.result(scan.matcher) : null;
    }

    public PyMatch fullmatch(CharSequence text) {
        Scan scan = scan(text);
        return scan.matcher.matches() ? scan.result(scan.matcher) : null;
    }

    public List<PyMatch> finditer(CharSequence text) {
        List<PyMatch> all = new ArrayList<>();
        Scan scan = scan(text);
        for (PyMatch m = scan.next(); m != null; m = scan.next()) {
            all.add(m);
        }
        return all;
    }

    /** Python's findall: the whole matches without groups, group 1 with one, tuples (lists) with more. */
    public List<Object> findall(CharSequence text) {
        List<Object> all = new ArrayList<>();
        Scan scan = scan(text);
        for (PyMatch m = scan.next(); m != null; m = scan.next()) {
            all.add(findallItem(m));
        }
        return all;
    }

    private Object findallItem(PyMatch m) {
        if (groups == 0) {
            return m.group(0);
        }
        if (groups == 1) {
            return orEmpty(m.group(1));
        }
        List<String> tuple = new ArrayList<>();
        for (int g = 1; g <= groups; g++) {
            tuple.add(orEmpty(m.group(g)));
        }
        return new PythonRepr.Tuple(tuple);
    }

    private static String orEmpty(String s) {
        return s == null ? "" : s;
    }

    /** {@code subn}: the new text and the number of replacements; {@code count} 0 replaces all. */
    public Substitution subn(Replacement replacement, CharSequence text, int count) {
        StringBuilder out = new StringBuilder();
        Scan scan = scan(text);
        int last = 0;
        int n = 0;
        while (count == 0 || n < count) {
            PyMatch m = scan.next();
            if (m == null) {
                break;
            }
            out.append(text, last, m.start(0));
            replacement.expand(m, out);
            last = m.end(0);
            n++;
        }
        out.append(text, last, text.length());
        return new Substitution(out.toString(), n);
    }

    /** A substitution's result. */
    public record Substitution(String text, int count) {
    }

    /** Python's split: the pieces, with every group's text (null if it did not take part) between them. */
    public List<String> split(CharSequence text, int maxsplit) {
        List<String> pieces = new ArrayList<>();
        Scan scan = scan(text);
        int last = 0;
        int n = 0;
        while (maxsplit == 0 || n < maxsplit) {
            PyMatch m = scan.next();
            if (m == null) {
                break;
            }
            pieces.add(text.subSequence(last, m.start(0)).toString());
            for (int g = 1; g <= groups; g++) {
                pieces.add(m.group(g));
            }
            last = m.end(0);
            n++;
        }
        pieces.add(text.subSequence(last, text.length()).toString());
        return pieces;
    }

    /**
     * The successive matches in one text as Python's finditer finds them. After an empty match at p, the next match
     * is a non-empty one at p (Python backtracks into one if it can) or any match after p.
     */
    public final class Scan {

        private final Matcher matcher;
        private final Matcher nonEmptyMatcher;
        private CharSequence text;
        private CodePoints codePoints;
        private int position;
        private boolean mustAdvance;
        private boolean done;

        private Scan(CharSequence text) {
            this.matcher = pattern.matcher(text);
            this.nonEmptyMatcher = nonEmpty.matcher(text).useTransparentBounds(true).useAnchoringBounds(false);
            reset(text);
        }

        /** Starts over on another text (the line view of a buffer, usually). */
        public Scan reset(CharSequence newText) {
            this.text = newText;
            this.codePoints = null;
            matcher.reset(newText);
            nonEmptyMatcher.reset(newText);
            position = 0;
            mustAdvance = false;
            done = false;
            return this;
        }

        /** The match {@code search}, {@code match} or {@code fullmatch} finds (the others search), or null. */
        public PyMatch first(RegexFunction function) {
            boolean found = switch (function) {
                case MATCH -> matcher.lookingAt();
                case FULLMATCH -> matcher.matches();
                default -> matcher.find(0);
            };
            return found ? result(matcher) : null;
        }

        /** The next match, or null. */
        public PyMatch next() {
            if (done) {
                return null;
            }
            int length = text.length();
            if (mustAdvance) {
                nonEmptyMatcher.region(position, length);
                if (nonEmptyMatcher.lookingAt()) {
                    return advance(nonEmptyMatcher);
                }
                if (position >= length) {
                    done = true;
                    return null;
                }
                position += Character.isHighSurrogate(text.charAt(position)) && position + 1 < length
                        && Character.isLowSurrogate(text.charAt(position + 1)) ? 2 : 1;
            }
            if (!matcher.find(position)) {
                done = true;
                return null;
            }
            return advance(matcher);
        }

        private PyMatch advance(Matcher found) {
            mustAdvance = found.end() == found.start();
            position = found.end();
            return result(found);
        }

        private PyMatch result(Matcher found) {
            if (codePoints == null) {
                codePoints = new CodePoints(text);
            }
            int[] bounds = new int[2 * (groups + 1)];
            bounds[0] = found.start();
            bounds[1] = found.end();
            for (int g = 1; g <= groups; g++) {
                bounds[2 * g] = found.start(groupOf[g]);
                bounds[2 * g + 1] = found.end(groupOf[g]);
            }
            return new PyMatch(text, bounds, names, codePoints);
        }
    }
}
