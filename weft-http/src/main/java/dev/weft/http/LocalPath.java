package dev.weft.http;

/**
 * A path for a same-server {@code Location}: whatever a request path starts with, the result starts with
 * exactly one {@code /} followed by something that cannot begin an authority. A client resolving
 * {@code //host/x}, {@code /\host/x}, {@code /%2F%2Fhost} (after a careless decode) or {@code /\t/host}
 * against the page would leave this server; the leading run of such characters is collapsed.
 */
public final class LocalPath {

    private LocalPath() {
    }

    /** {@code path} with its leading slashes, backslashes, controls and their %-encoded forms collapsed to one {@code /}. */
    public static String of(String path) {
        int start = 0;
        while (start < path.length()) {
            int skip = separatorLength(path, start);
            if (skip == 0) {
                break;
            }
            start += skip;
        }
        return "/" + path.substring(start);
    }

    /** How many characters at {@code i} are a slash, backslash, control or space, or an encoded one; 0 if none. */
    private static int separatorLength(String path, int i) {
        char c = path.charAt(i);
        if (c == '/' || c == '\\' || c <= 0x20 || c == 0x7f) {
            return 1;
        }
        if (c == '%' && i + 2 < path.length()) {
            int high = Character.digit(path.charAt(i + 1), 16);
            int low = Character.digit(path.charAt(i + 2), 16);
            int b = high << 4 | low;
            if (high >= 0 && low >= 0 && (b == '/' || b == '\\' || b <= 0x20 || b == 0x7f)) {
                return 3;
            }
        }
        return 0;
    }
}
