package dev.weft.tools.regex;

/** Python's {@code str.isidentifier()}, which decides what a group name may be. */
final class Identifiers {

    private Identifiers() {
    }

    static boolean isIdentifier(String name) {
        if (name.isEmpty()) {
            return false;
        }
        int first = name.codePointAt(0);
        if (first != '_' && !Character.isUnicodeIdentifierStart(first)) {
            return false;
        }
        return name.codePoints().skip(1)
                .allMatch(c -> Character.isUnicodeIdentifierPart(c) && !Character.isIdentifierIgnorable(c));
    }
}
