package dev.weft.services.line;

/** A client sent more than the line limit without a newline; carries the limit it broke. */
public final class LineTooLongException extends Exception {

    private static final long serialVersionUID = 1L;

    private final int maxLineLength;

    public LineTooLongException(int maxLineLength) {
        super("line longer than " + maxLineLength + " bytes");
        this.maxLineLength = maxLineLength;
    }

    public int maxLineLength() {
        return maxLineLength;
    }
}
