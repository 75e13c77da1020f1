package dev.weft.tools.regex;

import java.util.ArrayList;
import java.util.List;

/**
 * A {@code sub} replacement parsed as Python's {@code parse_template} parses it: {@code \1}, {@code \g<1>},
 * {@code \g<name>}, {@code \g<0>}, octal and character escapes; an unknown escape of an ASCII letter is an error,
 * any other unknown escape stays as written. A group that did not take part is replaced by nothing.
 */
public final class Replacement {

    private final List<Object> parts; // String literals and Integer group numbers

    private Replacement(List<Object> parts) {
        this.parts = parts;
    }

    /** Parses {@code template} for {@code pattern}; a reference to a group it lacks is an error, as in Python. */
    public static Replacement parse(String template, PyPattern pattern) throws RegexSyntaxError {
        return new Parser(template, pattern).parse();
    }

    void expand(PyMatch match, StringBuilder out) {
        for (Object part : parts) {
            if (part instanceof Integer group) {
                String text = match.group(group);
                if (text != null) {
                    out.append(text);
                }
            } else {
                out.append((String) part);
            }
        }
    }

    private static final class Parser {
        private final String template;
        private final int[] cps;
        private final PyPattern pattern;
        private int index;
        private final List<Object> parts = new ArrayList<>();
        private final StringBuilder literal = new StringBuilder();

        Parser(String template, PyPattern pattern) {
            this.template = template;
            this.cps = template.codePoints().toArray();
            this.pattern = pattern;
        }

        Replacement parse() throws RegexSyntaxError {
            while (index < cps.length) {
                int c = cps[index++];
                if (c != '\\') {
                    literal.appendCodePoint(c);
                    continue;
                }
                if (index >= cps.length) {
                    throw new RegexSyntaxError("bad escape (end of pattern)", template, cps.length - 1);
                }
                int e = cps[index++];
                if (e == 'g') {
                    named();
                } else if (e == '0') {
                    int value = 0;
                    for (int i = 0; i < 2 && index < cps.length && isOct(cps[index]); i++) {
                        value = value * 8 + cps[index++] - '0';
                    }
                    literal.appendCodePoint(value & 0xff);
                } else if (e >= '1' && e <= '9') {
                    numbered(e);
                } else {
                    int simple = switch (e) {
                        case 'a' -> 7;
                        case 'b' -> 8;
                        case 'f' -> 12;
                        case 'n' -> 10;
                        case 'r' -> 13;
                        case 't' -> 9;
                        case 'v' -> 11;
                        case '\\' -> '\\';
                        default -> -1;
                    };
                    if (simple >= 0) {
                        literal.appendCodePoint(simple);
                    } else if (e < 128 && Character.isLetter(e)) {
                        throw new RegexSyntaxError("bad escape \\" + Character.toString(e), template, index - 2);
                    } else {
                        literal.append('\\').appendCodePoint(e);
                    }
                }
            }
            flush();
            return new Replacement(List.copyOf(parts));
        }

        private void numbered(int first) throws RegexSyntaxError {
            String digits = Character.toString(first);
            if (index < cps.length && cps[index] >= '0' && cps[index] <= '9') {
                digits += Character.toString(cps[index++]);
                if (isOct(first) && isOct(digits.charAt(1)) && index < cps.length && isOct(cps[index])) {
                    digits += Character.toString(cps[index++]);
                    int value = Integer.parseInt(digits, 8);
                    if (value > 0377) {
                        throw new RegexSyntaxError("octal escape value \\" + digits + " outside of range 0-0o377",
                                template, index - digits.length() - 1);
                    }
                    literal.appendCodePoint(value);
                    return;
                }
            }
            group(Integer.parseInt(digits), index - digits.length());
        }

        private void named() throws RegexSyntaxError {
            if (index >= cps.length || cps[index] != '<') {
                throw new RegexSyntaxError("missing <", template, index);
            }
            index++;
            int start = index;
            while (index < cps.length && cps[index] != '>') {
                index++;
            }
            String name = new String(cps, start, index - start);
            if (index >= cps.length) {
                throw new RegexSyntaxError(name.isEmpty() ? "missing group name" : "missing >, unterminated name",
                        template, start);
            }
            index++;
            if (name.isEmpty()) {
                throw new RegexSyntaxError("missing group name", template, start);
            }
            if (Identifiers.isIdentifier(name)) {
                Integer group = pattern.groupIndex().get(name);
                if (group == null) {
                    throw new RegexSyntaxError("unknown group name " + PythonRepr.str(name), template, -1);
                }
                group(group, start);
                return;
            }
            if (!name.chars().allMatch(ch -> ch >= '0' && ch <= '9') || name.length() > 9) {
                throw new RegexSyntaxError("bad character in group name " + PythonRepr.str(name), template, start);
            }
            group(Integer.parseInt(name), start);
        }

        private void group(int group, int position) throws RegexSyntaxError {
            if (group > pattern.groups()) {
                throw new RegexSyntaxError("invalid group reference " + group, template, position);
            }
            flush();
            parts.add(group);
        }

        private void flush() {
            if (!literal.isEmpty()) {
                parts.add(literal.toString());
                literal.setLength(0);
            }
        }

        private static boolean isOct(int c) {
            return c >= '0' && c <= '7';
        }
    }
}
