package dev.weft.http.files;

import java.util.Comparator;

/**
 * Orders names as people read them: case-insensitively, with runs of digits compared by value, so
 * {@code file2} comes before {@code file10} and {@code alpha} before {@code Zeta}. Ties fall back to the
 * exact text, so the order is total and stable.
 */
final class NaturalOrder implements Comparator<String> {

    static final NaturalOrder INSTANCE = new NaturalOrder();

    private NaturalOrder() {
    }

    @Override
    public int compare(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            char x = a.charAt(i);
            char y = b.charAt(j);
            if (isDigit(x) && isDigit(y)) {
                int endA = digitsEnd(a, i);
                int endB = digitsEnd(b, j);
                int byValue = compareNumbers(a, i, endA, b, j, endB);
                if (byValue != 0) {
                    return byValue;
                }
                i = endA;
                j = endB;
                continue;
            }
            int byChar = Character.compare(Character.toLowerCase(Character.toUpperCase(x)), Character.toLowerCase(Character.toUpperCase(y)));
            if (byChar != 0) {
                return byChar;
            }
            i++;
            j++;
        }
        int byLength = Integer.compare(a.length() - i, b.length() - j);
        return byLength != 0 ? byLength : a.compareTo(b);
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static int digitsEnd(String s, int from) {
        int end = from;
        while (end < s.length() && isDigit(s.charAt(end))) {
            end++;
        }
        return end;
    }

    /** Compares two digit runs by value without parsing (they may be longer than a long). */
    private static int compareNumbers(String a, int i, int endA, String b, int j, int endB) {
        while (i < endA - 1 && a.charAt(i) == '0') {
            i++;
        }
        while (j < endB - 1 && b.charAt(j) == '0') {
            j++;
        }
        int byLength = Integer.compare(endA - i, endB - j);
        if (byLength != 0) {
            return byLength;
        }
        for (; i < endA; i++, j++) {
            int byDigit = Character.compare(a.charAt(i), b.charAt(j));
            if (byDigit != 0) {
                return byDigit;
            }
        }
        return 0;
    }
}
