package dev.weft.tools.regex;

import java.util.List;
import java.util.Locale;

/** The {@code re} functions weft offers, one per run, named as in Python. */
public enum RegexFunction {
    SEARCH, MATCH, FULLMATCH, FINDALL, FINDITER, SUB, SUBN, SPLIT;

    /** Python's name ({@code "findall"}). */
    public String pythonName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public boolean substitutes() {
        return this == SUB || this == SUBN;
    }

    /**
     * Python's answer for one text: a {@link PyMatch} or null, a list, a string, or [string, count] for subn;
     * {@code max} is sub's {@code count} and split's {@code maxsplit} (0: no limit).
     */
    public Object apply(PyPattern pattern, Replacement replacement, CharSequence text, int max) {
        return switch (this) {
            case SEARCH -> pattern.search(text);
            case MATCH -> pattern.match(text);
            case FULLMATCH -> pattern.fullmatch(text);
            case FINDALL -> pattern.findall(text);
            case FINDITER -> pattern.finditer(text);
            case SUB -> max < 0 ? text.toString() : pattern.subn(replacement, text, max).text();
            case SUBN -> {
                PyPattern.Substitution s = max < 0 ? new PyPattern.Substitution(text.toString(), 0)
                        : pattern.subn(replacement, text, max);
                yield new PythonRepr.Tuple(List.of(s.text(), s.count()));
            }
            case SPLIT -> max < 0 ? List.of(text.toString()) : pattern.split(text, max);
        };
    }
}
