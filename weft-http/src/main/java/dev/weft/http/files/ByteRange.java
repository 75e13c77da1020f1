package dev.weft.http.files;

/**
 * One byte range of a representation (RFC 9110 §14.1.2), resolved against its size.
 *
 * @param first the first byte served
 * @param last  the last byte served, inclusive
 */
record ByteRange(long first, long last) {

    private static final ByteRange UNSATISFIABLE = new ByteRange(-1, -1);

    boolean satisfiable() {
        return first >= 0;
    }

    /**
     * Parses a Range header for a representation of {@code size} bytes.
     *
     * @return the range, {@link #satisfiable() unsatisfiable}, or null when the header is to be ignored
     *         (not bytes, malformed, or several ranges)
     */
    static ByteRange parse(String header, long size) {
        String value = header.trim();
        if (!value.regionMatches(true, 0, "bytes=", 0, 6)) {
            return null;
        }
        String spec = value.substring(6).trim();
        if (spec.contains(",")) {
            return null;
        }
        int dash = spec.indexOf('-');
        if (dash < 0) {
            return null;
        }
        try {
            String from = spec.substring(0, dash).trim();
            String to = spec.substring(dash + 1).trim();
            if (from.isEmpty()) {
                long suffix = Long.parseLong(to);
                if (suffix <= 0 || size == 0) {
                    return suffix < 0 ? null : UNSATISFIABLE;
                }
                return new ByteRange(Math.max(0, size - suffix), size - 1);
            }
            long first = Long.parseLong(from);
            long last = to.isEmpty() ? size - 1 : Math.min(Long.parseLong(to), size - 1);
            if (first < 0 || (!to.isEmpty() && Long.parseLong(to) < first)) {
                return null;
            }
            return first >= size ? UNSATISFIABLE : new ByteRange(first, last);
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
