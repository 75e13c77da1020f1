package dev.weft.tools.regex;

/** Python's {@code re} flag bits, with the values {@code re.I}, {@code re.M}... have, so they compare one to one. */
public final class PyFlags {

    public static final int IGNORECASE = 2;
    public static final int LOCALE = 4;
    public static final int MULTILINE = 8;
    public static final int DOTALL = 16;
    public static final int UNICODE = 32;
    public static final int VERBOSE = 64;
    public static final int ASCII = 256;

    private PyFlags() {
    }

    /** The bit of an inline flag letter ({@code (?i)}), or 0 when the letter is not one. */
    static int ofLetter(int letter) {
        return switch (letter) {
            case 'i' -> IGNORECASE;
            case 'L' -> LOCALE;
            case 'm' -> MULTILINE;
            case 's' -> DOTALL;
            case 'x' -> VERBOSE;
            case 'a' -> ASCII;
            case 'u' -> UNICODE;
            case 't' -> 1;
            default -> 0;
        };
    }

    /** Flag bits from letters as the command line gives them ("ims"). */
    public static int parse(String letters) {
        int flags = 0;
        for (int i = 0; i < letters.length(); i++) {
            int bit = ofLetter(letters.charAt(i));
            if (bit == 0) {
                throw new IllegalArgumentException("unknown flag '" + letters.charAt(i) + "' (use a, i, m, s, x)");
            }
            flags |= bit;
        }
        return flags;
    }
}
