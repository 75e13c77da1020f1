package dev.weft.web;

import java.util.Locale;

import dev.weft.http.files.ContentDisposition;

/**
 * Reads header values of the shape {@code value; name=token; other="quoted \" string"}
 * (Content-Type, Content-Disposition), honouring quotes so a {@code ;} inside a file name is kept.
 * Only {@code \"} is an escape: browsers send Windows paths with bare backslashes. The parameter rule is the
 * multipart reader's ({@link ContentDisposition#parameter}), so there is one.
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
        return ContentDisposition.parameter(header, name.toLowerCase(Locale.ROOT));
    }
}
