package dev.weft.web;

import java.util.Locale;

/**
 * Reads header values of the shape {@code value; name=token; other="quoted \" string"}
 * (Content-Type, Content-Disposition), honouring quotes so a {@code ;} inside a file name is kept.
 * Only {@code \"} is an escape: browsers send Windows paths with bare backslashes.
 */
final class HeaderParameters {

    private HeaderParameters() {
    }

    /** The part before the first {@code ;}, trimmed. */
    static String value(String header) {
        int semicolon = header.indexOf(';');
        return (semicolon < 0 ? header : header.substring(0, semicolon)).trim();
    }

    /** The value of parameter {@code name} (case-insensitive), unquoted, or null when absent. */
    static String parameter(String header, String name) {
        int i = header.indexOf(';');
        while (i >= 0 && i < header.length()) {
            int start = i + 1;
            int equals = header.indexOf('=', start);
            if (equals < 0) {
                return null;
            }
            String key = header.substring(start, equals).trim().toLowerCase(Locale.ROOT);
            StringBuilder value = new StringBuilder();
            int end = readValue(header, equals + 1, value);
            if (key.equals(name.toLowerCase(Locale.ROOT))) {
                return value.toString();
            }
            i = header.indexOf(';', end);
        }
        return null;
    }

    /** Reads a token or quoted string from {@code from} into {@code value}; returns where it ended. */
    private static int readValue(String header, int from, StringBuilder value) {
        int i = from;
        while (i < header.length() && header.charAt(i) == ' ') {
            i++;
        }
        if (i < header.length() && header.charAt(i) == '"') {
            for (i++; i < header.length() && header.charAt(i) != '"'; i++) {
                char c = header.charAt(i);
                if (c == '\\' && i + 1 < header.length() && header.charAt(i + 1) == '"') {
                    c = header.charAt(++i);
                }
                value.append(c);
            }
            return i + 1;
        }
        int semicolon = header.indexOf(';', i);
        int end = semicolon < 0 ? header.length() : semicolon;
        value.append(header, i, end);
        int trim = value.length();
        while (trim > 0 && value.charAt(trim - 1) == ' ') {
            trim--;
        }
        value.setLength(trim);
        return end;
    }
}
