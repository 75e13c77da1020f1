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

    /** The source on one line (newlines shown as \n) and a caret under the bad position. */
    public String caret() {
        StringBuilder line = new StringBuilder();
        int column = 0;
        int index = 0;
        for (int cp : source.codePoints().toArray()) {
            if (index++ == position) {
                column = line.codePointCount(0, line.length());
            }
            line.append(cp == '\n' ? "\\n" : cp == '\t' ? "\\t" : Character.toString(cp));
        }
        if (position >= index) {
            column = line.codePointCount(0, line.length());
        }
        return line + "\n" + " ".repeat(column) + "^";
    }
}
