package dev.weft.tools.regex;

import java.util.List;

/**
 * Python's {@code repr()} and {@code print()} of the values {@code re} returns (str, int, None, list, tuple, match),
 * so weft's plain output reads as Python's interactive prompt would show it.
 */
public final class PythonRepr {

    /** A Python tuple (findall's items with several groups, subn's result): a list in JSON, (a, b) in repr. */
    public record Tuple(List<?> items) {
    }

    private PythonRepr() {
    }

    /** What {@code print(value)} writes: a str as itself, anything else as its repr. */
    public static String print(Object value) {
        return value instanceof String s ? s : repr(value);
    }

    public static String repr(Object value) {
        return switch (value) {
            case null -> "None";
            case String s -> str(s);
            case PyMatch m -> m.repr();
            case Tuple t -> t.items().size() == 1 ? "(" + repr(t.items().get(0)) + ",)" : join("(", t.items(), ")");
            case List<?> l -> join("[", l, "]");
            default -> value.toString();
        };
    }

    private static String join(String open, List<?> items, String close) {
        StringBuilder out = new StringBuilder(open);
        for (int i = 0; i < items.size(); i++) {
            out.append(i == 0 ? "" : ", ").append(repr(items.get(i)));
        }
        return out.append(close).toString();
    }

    /** Python's {@code repr(str)}: single quotes unless the text has one and no double quote. */
    public static String str(String s) {
        char quote = s.indexOf('\'') >= 0 && s.indexOf('"') < 0 ? '"' : '\'';
        StringBuilder out = new StringBuilder().append(quote);
        s.codePoints().forEach(c -> {
            if (c == quote || c == '\\') {
                out.append('\\').append((char) c);
            } else if (c == '\t') {
                out.append("\\t");
            } else if (c == '\n') {
                out.append("\\n");
            } else if (c == '\r') {
                out.append("\\r");
            } else if (c < ' ' || c == 0x7f) {
                out.append(String.format("\\x%02x", c));
            } else if (c < 0x7f || printable(c)) {
                out.appendCodePoint(c);
            } else if (c <= 0xff) {
                out.append(String.format("\\x%02x", c));
            } else if (c <= 0xffff) {
                out.append(String.format("\\u%04x", c));
            } else {
                out.append(String.format("\\U%08x", c));
            }
        });
        return out.append(quote).toString();
    }

    /** Python's {@code str.isprintable()} for one character. */
    private static boolean printable(int c) {
        return switch (Character.getType(c)) {
            case Character.CONTROL, Character.FORMAT, Character.SURROGATE, Character.PRIVATE_USE,
                    Character.UNASSIGNED, Character.LINE_SEPARATOR, Character.PARAGRAPH_SEPARATOR,
                    Character.SPACE_SEPARATOR -> c == ' ';
            default -> true;
        };
    }
}
