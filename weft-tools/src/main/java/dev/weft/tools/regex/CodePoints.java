package dev.weft.tools.regex;

/**
 * Turns char indexes of a text into code-point indexes, as Python counts: the same numbers when the text has no
 * surrogate pairs (checked once), otherwise counted from the last index asked, so matches in order cost O(n) overall.
 */
final class CodePoints {

    private final CharSequence text;
    private Boolean identity; // decided on first use: findall and grep never ask
    private int lastChar;
    private int lastPoint;

    CodePoints(CharSequence text) {
        this.text = text;
    }

    int of(int charIndex) {
        if (identity == null) {
            boolean surrogates = false;
            for (int i = 0, n = text.length(); i < n && !surrogates; i++) {
                surrogates = Character.isSurrogate(text.charAt(i));
            }
            identity = !surrogates;
        }
        if (identity) {
            return charIndex;
        }
        if (charIndex < lastChar) {
            lastChar = 0;
            lastPoint = 0;
        }
        lastPoint += Character.codePointCount(text, lastChar, charIndex);
        lastChar = charIndex;
        return lastPoint;
    }
}
