package dev.weft.tools.regex;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code --explain}: the parsed pattern as an indented tree, one construct a line: groups with number and name,
 * alternations, quantifiers (greedy, lazy or possessive), anchors and look-arounds, set members.
 */
public final class ExplainTree {

    private final StringBuilder out = new StringBuilder();

    private ExplainTree() {
    }

    /** The tree of a compiled pattern, headed by its flags and group count. */
    public static String of(PyPattern pattern, int flags) {
        ExplainTree tree = new ExplainTree();
        tree.out.append("pattern ").append(PythonRepr.str(pattern.source())).append(": ").append(pattern.groups())
                .append(pattern.groups() == 1 ? " group" : " groups").append(flagNames(flags)).append('\n');
        if (pattern.tree() == null) {
            tree.out.append("(Java syntax: not explained; Java reads it as ").append(pattern.javaRegex())
                    .append(")\n");
        } else {
            tree.node(pattern.tree(), "", true);
        }
        return tree.out.toString();
    }

    private static String flagNames(int flags) {
        List<String> names = new ArrayList<>();
        if ((flags & PyFlags.ASCII) != 0) {
            names.add("ASCII");
        }
        if ((flags & PyFlags.IGNORECASE) != 0) {
            names.add("IGNORECASE");
        }
        if ((flags & PyFlags.MULTILINE) != 0) {
            names.add("MULTILINE");
        }
        if ((flags & PyFlags.DOTALL) != 0) {
            names.add("DOTALL");
        }
        if ((flags & PyFlags.VERBOSE) != 0) {
            names.add("VERBOSE");
        }
        return names.isEmpty() ? "" : ", flags " + String.join("|", names);
    }

    private void line(String prefix, boolean last, String text) {
        out.append(prefix).append(last ? "└─ " : "├─ ").append(text).append('\n');
    }

    private void node(Node node, String prefix, boolean last) {
        String child = prefix + (last ? "   " : "│  ");
        switch (node) {
            case Node.Literal l -> line(prefix, last, "char " + PythonRepr.str(Character.toString(l.codePoint())));
            case Node.AnyChar a -> line(prefix, last, "any character (newline only with DOTALL)");
            case Node.Category c -> line(prefix, last, category(c.letter()));
            case Node.CharSet s -> {
                line(prefix, last, s.negated() ? "any character except one of" : "one of");
                for (int i = 0; i < s.items().size(); i++) {
                    line(child, i == s.items().size() - 1, switch (s.items().get(i)) {
                        case Node.SetChar c -> PythonRepr.str(Character.toString(c.codePoint()));
                        case Node.SetRange r -> PythonRepr.str(Character.toString(r.low())) + " to "
                                + PythonRepr.str(Character.toString(r.high()));
                        case Node.SetCategory c -> category(c.letter());
                    });
                }
            }
            case Node.Anchor a -> line(prefix, last, switch (a.kind()) {
                case LINE_START -> "^ start of the string (of a line with MULTILINE)";
                case LINE_END -> "$ end of the string or before its final newline (of a line with MULTILINE)";
                case STRING_START -> "\\A start of the string";
                case STRING_END -> "\\Z end of the string";
                case WORD_BOUNDARY -> "\\b word boundary";
                case NOT_WORD_BOUNDARY -> "\\B not a word boundary";
            });
            case Node.Group g -> {
                line(prefix, last, "group " + g.number() + (g.name() == null ? "" : " '" + g.name() + "'"));
                node(g.body(), child, true);
            }
            case Node.Scoped s -> {
                String flags = (s.on() == 0 ? "" : " with" + flagNames(s.on()).substring(7))
                        + (s.off() == 0 ? "" : " without" + flagNames(s.off()).substring(7));
                line(prefix, last, "non-capturing group" + flags);
                node(s.body(), child, true);
            }
            case Node.Look l -> {
                line(prefix, last, (l.negative() ? "negative " : "") + "look" + (l.behind() ? "behind" : "ahead")
                        + (l.behind() ? ": the text before must " : ": the text after must ")
                        + (l.negative() ? "not " : "") + "match");
                node(l.body(), child, true);
            }
            case Node.Atomic a -> {
                line(prefix, last, "atomic group (no backtracking into it)");
                node(a.body(), child, true);
            }
            case Node.Backref b -> line(prefix, last, "the text group " + b.group() + " matched");
            case Node.Conditional c -> {
                line(prefix, last, "if group " + c.group() + " matched");
                line(child, false, "then");
                node(c.yes(), child + "│  ", true);
                line(child, true, "else");
                node(c.no(), child + "   ", true);
            }
            case Node.Repeat r -> {
                String times = r.max() < 0 ? r.min() + " or more times"
                        : r.min() == r.max() ? "exactly " + r.min() + " times" : r.min() + " to " + r.max() + " times";
                line(prefix, last, "repeat " + times + ", " + r.greed().name().toLowerCase(java.util.Locale.ROOT)
                        + switch (r.greed()) {
                            case GREEDY -> " (as many as possible)";
                            case LAZY -> " (as few as possible)";
                            case POSSESSIVE -> " (as many as possible, never gives back)";
                        });
                node(r.body(), child, true);
            }
            case Node.Alternation a -> {
                line(prefix, last, "either (" + a.branches().size() + " alternatives, tried in order)");
                for (int i = 0; i < a.branches().size(); i++) {
                    node(a.branches().get(i), child, i == a.branches().size() - 1);
                }
            }
            case Node.Sequence s -> {
                if (s.items().isEmpty()) {
                    line(prefix, last, "nothing (the empty string)");
                    return;
                }
                line(prefix, last, "sequence");
                for (int i = 0; i < s.items().size(); i++) {
                    node(s.items().get(i), child, i == s.items().size() - 1);
                }
            }
        }
    }

    private static String category(char letter) {
        return "\\" + letter + " " + switch (letter) {
            case 'd' -> "a digit";
            case 'D' -> "not a digit";
            case 'w' -> "a word character";
            case 'W' -> "not a word character";
            case 's' -> "a whitespace character";
            default -> "not a whitespace character";
        };
    }
}
