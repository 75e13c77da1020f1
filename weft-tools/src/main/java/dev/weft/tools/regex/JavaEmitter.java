package dev.weft.tools.regex;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Writes a parsed Python pattern as a {@code java.util.regex} pattern that matches what Python matches: {@code ^},
 * {@code $}, {@code \Z}, {@code \b} and the Unicode classes spelled out the way Python defines them, case and dot
 * flags scoped like Python's, and {@code (?(1)yes|no)} (which Java lacks) through a hidden empty group.
 */
final class JavaEmitter {

    /** Python's {@code \w} for str patterns: str.isalnum() or underscore. */
    static final String UNICODE_WORD = "\\p{L}\\p{N}_";
    static final String ASCII_WORD = "a-zA-Z0-9_";
    /** Python's {@code \s} for str patterns: str.isspace(). */
    static final String UNICODE_SPACE = "\\t\\n\\x0B\\f\\r\\x1C-\\x1F \\x{85}\\x{A0}\\x{1680}\\x{2000}-\\x{200A}"
            + "\\x{2028}\\x{2029}\\x{202F}\\x{205F}\\x{3000}";
    static final String ASCII_SPACE = " \\t\\n\\r\\f\\x0B";

    private final StringBuilder out = new StringBuilder();
    private final Set<Integer> tested = new HashSet<>();
    private final Map<Integer, Integer> javaGroup = new HashMap<>();
    private final Map<Integer, Integer> hiddenGroup = new HashMap<>();
    private int javaGroups;

    /** The translation: the Java pattern, its compile flags, and where each Python group is among Java's. */
    record Translation(String regex, int javaFlags, int[] groupOf) {
    }

    static Translation translate(PythonParser.Parsed parsed) {
        JavaEmitter emitter = new JavaEmitter();
        emitter.collectTests(parsed.root());
        emitter.number(parsed.root());
        emitter.emit(parsed.root(), parsed.flags());
        int[] groupOf = new int[parsed.groups() + 1];
        for (int g = 1; g <= parsed.groups(); g++) {
            groupOf[g] = emitter.javaGroup.getOrDefault(g, 0);
        }
        return new Translation(emitter.out.toString(), javaFlags(parsed.flags()), groupOf);
    }

    /** The Java flags matching Python's: line breaks are only \n, case folding as Python's ASCII or Unicode. */
    static int javaFlags(int flags) {
        int java = Pattern.UNIX_LINES;
        if ((flags & PyFlags.IGNORECASE) != 0) {
            java |= Pattern.CASE_INSENSITIVE;
            if ((flags & PyFlags.ASCII) == 0) {
                java |= Pattern.UNICODE_CASE;
            }
        }
        if ((flags & PyFlags.DOTALL) != 0) {
            java |= Pattern.DOTALL;
        }
        return java;
    }

    private void collectTests(Node node) {
        walk(node, n -> {
            if (n instanceof Node.Conditional c) {
                tested.add(c.group());
            }
        });
    }

    /** Numbers Java's groups in the order they will be written, hidden ones included. */
    private void number(Node node) {
        walk(node, n -> {
            if (n instanceof Node.Group g) {
                javaGroup.put(g.number(), ++javaGroups);
            }
        }, n -> {
            if (n instanceof Node.Group g && tested.contains(g.number())) {
                hiddenGroup.put(g.number(), ++javaGroups);
            }
        });
    }

    private static void walk(Node node, java.util.function.Consumer<Node> before) {
        walk(node, before, n -> { });
    }

    private static void walk(Node node, java.util.function.Consumer<Node> before, java.util.function.Consumer<Node> after) {
        before.accept(node);
        switch (node) {
            case Node.Group g -> walk(g.body(), before, after);
            case Node.Scoped s -> walk(s.body(), before, after);
            case Node.Look l -> walk(l.body(), before, after);
            case Node.Atomic a -> walk(a.body(), before, after);
            case Node.Repeat r -> walk(r.body(), before, after);
            case Node.Conditional c -> {
                walk(c.yes(), before, after);
                walk(c.no(), before, after);
            }
            case Node.Alternation a -> a.branches().forEach(b -> walk(b, before, after));
            case Node.Sequence s -> s.items().forEach(i -> walk(i, before, after));
            default -> {
            }
        }
        after.accept(node);
    }

    private void emit(Node node, int flags) {
        boolean ascii = (flags & PyFlags.ASCII) != 0;
        switch (node) {
            case Node.Literal l -> literal(l.codePoint());
            case Node.AnyChar a -> out.append('.');
            case Node.Category c -> category(c.letter(), ascii, false);
            case Node.CharSet s -> charSet(s, ascii);
            case Node.Anchor a -> anchor(a.kind(), flags);
            case Node.Group g -> {
                out.append('(');
                emit(g.body(), flags);
                if (hiddenGroup.containsKey(g.number())) {
                    out.append("()");
                }
                out.append(')');
            }
            case Node.Scoped s -> scoped(s, flags);
            case Node.Look l -> {
                out.append(l.behind() ? "(?<" : "(?").append(l.negative() ? '!' : '=');
                emit(l.body(), flags);
                out.append(')');
            }
            case Node.Atomic a -> {
                out.append("(?>");
                emit(a.body(), flags);
                out.append(')');
            }
            case Node.Backref b -> out.append("(?:\\").append(javaGroup.get(b.group())).append(')');
            case Node.Conditional c -> {
                int hidden = hiddenGroup.getOrDefault(c.group(), 0);
                if (hidden == 0) { // a group that does not exist never took part
                    out.append("(?:");
                    emit(c.no(), flags);
                    out.append(')');
                    return;
                }
                out.append("(?:\\").append(hidden).append("(?:");
                emit(c.yes(), flags);
                out.append(")|(?!\\").append(hidden).append(")(?:");
                emit(c.no(), flags);
                out.append("))");
            }
            case Node.Repeat r -> repeat(r, flags);
            case Node.Alternation a -> {
                out.append("(?:");
                for (int i = 0; i < a.branches().size(); i++) {
                    if (i > 0) {
                        out.append('|');
                    }
                    emit(a.branches().get(i), flags);
                }
                out.append(')');
            }
            case Node.Sequence s -> {
                for (Node item : s.items()) {
                    emit(item, flags);
                }
            }
        }
    }

    private void literal(int cp) {
        if (cp < 128 && Character.isLetterOrDigit(cp)) {
            out.append((char) cp);
        } else {
            out.append("\\x{").append(Integer.toHexString(cp)).append('}');
        }
    }

    private void category(char letter, boolean ascii, boolean inSet) {
        String body = switch (Character.toLowerCase(letter)) {
            case 'd' -> ascii ? "0-9" : "\\p{Nd}";
            case 'w' -> ascii ? ASCII_WORD : UNICODE_WORD;
            default -> ascii ? ASCII_SPACE : UNICODE_SPACE;
        };
        boolean negated = Character.isUpperCase(letter);
        if (negated) {
            out.append("[^").append(body).append(']');
        } else if (inSet) {
            out.append(body);
        } else {
            out.append('[').append(body).append(']');
        }
    }

    private void charSet(Node.CharSet set, boolean ascii) {
        out.append(set.negated() ? "[^" : "[");
        for (Node.SetItem item : set.items()) {
            switch (item) {
                case Node.SetChar c -> out.append("\\x{").append(Integer.toHexString(c.codePoint())).append('}');
                case Node.SetRange r -> out.append("\\x{").append(Integer.toHexString(r.low())).append("}-\\x{")
                        .append(Integer.toHexString(r.high())).append('}');
                case Node.SetCategory c -> category(c.letter(), ascii, true);
            }
        }
        out.append(']');
    }

    private void anchor(Node.AnchorKind kind, int flags) {
        boolean multiline = (flags & PyFlags.MULTILINE) != 0;
        String word = "[" + ((flags & PyFlags.ASCII) != 0 ? ASCII_WORD : UNICODE_WORD) + "]";
        out.append(switch (kind) {
            case LINE_START -> multiline ? "(?<![^\\n])" : "\\A";
            case LINE_END -> multiline ? "(?=\\n|\\z)" : "(?=\\n?\\z)";
            case STRING_START -> "\\A";
            case STRING_END -> "\\z";
            case WORD_BOUNDARY -> "(?:(?<=" + word + ")(?!" + word + ")|(?<!" + word + ")(?=" + word + "))";
            case NOT_WORD_BOUNDARY -> "(?:(?<=" + word + ")(?=" + word + ")|(?!\\A\\z)(?<!" + word + ")(?!" + word
                    + "))";
        });
    }

    private void scoped(Node.Scoped s, int flags) {
        int inner = (flags | s.on()) & ~s.off();
        if ((s.on() & PyFlags.ASCII) != 0) {
            inner &= ~PyFlags.UNICODE;
        }
        if ((s.on() & PyFlags.UNICODE) != 0) {
            inner &= ~PyFlags.ASCII;
        }
        int before = javaFlags(flags);
        int after = javaFlags(inner);
        if (before == after) {
            out.append("(?:");
        } else {
            out.append("(?");
            StringBuilder off = new StringBuilder();
            switchFlag(after, before, Pattern.CASE_INSENSITIVE, 'i', off);
            switchFlag(after, before, Pattern.UNICODE_CASE, 'u', off);
            switchFlag(after, before, Pattern.DOTALL, 's', off);
            if (!off.isEmpty()) {
                out.append('-').append(off);
            }
            out.append(':');
        }
        emit(s.body(), inner);
        out.append(')');
    }

    private void switchFlag(int after, int before, int bit, char letter, StringBuilder off) {
        if ((after & bit) != 0 && (before & bit) == 0) {
            out.append(letter);
        } else if ((after & bit) == 0 && (before & bit) != 0) {
            off.append(letter);
        }
    }

    private void repeat(Node.Repeat r, int flags) {
        boolean atom = r.body() instanceof Node.Literal || r.body() instanceof Node.AnyChar
                || r.body() instanceof Node.Category || r.body() instanceof Node.CharSet
                || r.body() instanceof Node.Group;
        out.append(atom ? "" : "(?:");
        emit(r.body(), flags);
        out.append(atom ? "" : ")");
        long max = r.max() < 0 || r.max() > Integer.MAX_VALUE ? -1 : r.max();
        long min = Math.min(r.min(), Integer.MAX_VALUE);
        if (min == 0 && max == -1) {
            out.append('*');
        } else if (min == 1 && max == -1) {
            out.append('+');
        } else if (min == 0 && max == 1) {
            out.append('?');
        } else if (max == -1) {
            out.append('{').append(min).append(",}");
        } else if (min == max) {
            out.append('{').append(min).append('}');
        } else {
            out.append('{').append(min).append(',').append(max).append('}');
        }
        out.append(switch (r.greed()) {
            case GREEDY -> "";
            case LAZY -> "?";
            case POSSESSIVE -> "+";
        });
    }
}
