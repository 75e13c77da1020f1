package dev.weft.tools.regex;

/**
 * A pattern or replacement template that Python's {@code re} rejects, with Python's message and position (in code
 * points, {@code -1} when Python gives none), so weft can print the line and a caret under the bad spot.
 */
public final class RegexSyntaxError extends Exception {

    private static final long serialVersionUID = 1L;

    private final String reason;
    private final String source;
    private final int position;

    public RegexSyntaxError(String reason, String source, int position) {
        super(position < 0 ? reason : reason + " at position " + position);
        this.reason = reason;
        this.source = source;
        this.position = position;
    }

    /** Python's {@code re.error.msg}: the message without the position. */
    public String reason() {
        return reason;
    }

    /** The pattern or template that was rejected. */
    public String source() {
        return source;
    }

    /** Python's {@code re.error.pos}, in code points; {@code -1} when there is none. */
    public int position() {
        return position;
    }

    /**
     * The source on one line (newlines shown as \\n) and a caret under the bad position, counting wide characters
     * (CJK, emoji) as two columns as a terminal shows them.
     */
    public String caret() {
        StringBuilder line = new StringBuilder();
        int column = -1;
        int width = 0;
        int index = 0;
        for (int cp : source.codePoints().toArray()) {
            if (index++ == position) {
                column = width;
            }
            String shown = cp == '\n' ? "\\n" : cp == '\t' ? "\\t" : Character.toString(cp);
            line.append(shown);
            width += shown.length() > 1 ? shown.length() : wide(cp) ? 2 : 1;
        }
        return line + "\n" + " ".repeat(column < 0 ? width : column) + "^";
    }

    /** East Asian wide and fullwidth characters and emoji: two terminal columns. */
    private static boolean wide(int cp) {
        return cp >= 0x1100 && cp <= 0x115F || cp >= 0x2E80 && cp <= 0xA4CF && cp != 0x303F
                || cp >= 0xAC00 && cp <= 0xD7A3 || cp >= 0xF900 && cp <= 0xFAFF || cp >= 0xFE30 && cp <= 0xFE4F
                || cp >= 0xFF00 && cp <= 0xFF60 || cp >= 0xFFE0 && cp <= 0xFFE6 || cp >= 0x1F300 && cp <= 0x1F64F
                || cp >= 0x1F900 && cp <= 0x1F9FF || cp >= 0x20000 && cp <= 0x3FFFD;
    }
}
