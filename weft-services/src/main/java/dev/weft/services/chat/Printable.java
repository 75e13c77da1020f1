package dev.weft.services.chat;

/**
 * Makes text from the network safe to show and to log: a peer must not be able to move the cursor or
 * recolour the terminal with escape sequences, nor break a history line in two.
 */
final class Printable {

    private Printable() {
    }

    /** For the screen: control characters (but tab) are written as escapes such as {@code \n} or {@code \x1b}. */
    static String forTerminal(String text) {
        return escape(text, false);
    }

    /** For the history file: as for the screen, and tab and backslash escaped too, so one message is one line. */
    static String forHistory(String text) {
        return escape(text, true);
    }

    private static String escape(String text, boolean history) {
        StringBuilder out = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            String replacement = replacement(c, history);
            if (replacement != null && out == null) {
                out = new StringBuilder(text.length() + 16).append(text, 0, i);
            }
            if (out != null) {
                out.append(replacement == null ? String.valueOf(c) : replacement);
            }
        }
        return out == null ? text : out.toString();
    }

    private static String replacement(char c, boolean history) {
        return switch (c) {
            case '\n' -> "\\n";
            case '\r' -> "\\r";
            case '\t' -> history ? "\\t" : null;
            case '\\' -> history ? "\\\\" : null;
            default -> Character.isISOControl(c) ? String.format("\\x%02x", (int) c) : null;
        };
    }
}
