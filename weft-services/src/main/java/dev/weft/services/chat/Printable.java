package dev.weft.services.chat;

/**
 * Makes text from the network safe to show and to log: a peer must not be able to move the cursor or
 * recolour the terminal with escape sequences, break a history line in two, or disguise text with invisible
 * characters (a right-to-left override, a zero-width space): those are shown escaped, like the controls.
 */
final class Printable {

    private Printable() {
    }

    /**
     * For the screen: control characters (but tab) are written as escapes such as {@code \n} or {@code \x1b}, and
     * invisible format characters as {@code \u202e} or {@code \U000e0041}.
     */
    static String forTerminal(String text) {
        return escape(text, false);
    }

    /** For the history file: as for the screen, and tab and backslash escaped too, so one message is one line. */
    static String forHistory(String text) {
        return escape(text, true);
    }

    private static String escape(String text, boolean history) {
        StringBuilder out = null;
        for (int i = 0; i < text.length(); ) {
            int c = text.codePointAt(i);
            int width = Character.charCount(c);
            String replacement = replacement(c, history);
            if (replacement != null && out == null) {
                out = new StringBuilder(text.length() + 16).append(text, 0, i);
            }
            if (out != null) {
                if (replacement == null) {
                    out.appendCodePoint(c);
                } else {
                    out.append(replacement);
                }
            }
            i += width;
        }
        return out == null ? text : out.toString();
    }

    private static String replacement(int c, boolean history) {
        return switch (c) {
            case '\n' -> "\\n";
            case '\r' -> "\\r";
            case '\t' -> history ? "\\t" : null;
            case '\\' -> history ? "\\\\" : null;
            default -> Character.isISOControl(c) ? String.format("\\x%02x", c)
                    : invisible(c) ? (c > 0xffff ? String.format("\\U%08x", c) : String.format("\\u%04x", c)) : null;
        };
    }

    /**
     * Unicode format characters (category Cf), which draw nothing yet change what is shown: bidirectional overrides,
     * embeddings, isolates and marks (U+202E turns {@code exe.txt} into {@code txt.exe} on screen), zero-width spaces
     * and word joiners, the BOM, soft hyphens and tag characters. Zero-width joiner and non-joiner stay: emoji sequences
     * and Persian and Indic scripts need them, and they cannot reorder text.
     */
    private static boolean invisible(int c) {
        return Character.getType(c) == Character.FORMAT && c != ZERO_WIDTH_NON_JOINER && c != ZERO_WIDTH_JOINER;
    }

    private static final int ZERO_WIDTH_NON_JOINER = 0x200c;
    private static final int ZERO_WIDTH_JOINER = 0x200d;
}
