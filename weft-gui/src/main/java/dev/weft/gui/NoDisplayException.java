package dev.weft.gui;

/** There is no screen to open a window on: no DISPLAY, or one that cannot be reached. */
public final class NoDisplayException extends Exception {

    private static final long serialVersionUID = 1L;

    /** The one line a user sees. */
    public static final String MESSAGE = "no display found; run it on a desktop or under xvfb-run";

    NoDisplayException(Throwable cause) {
        super(MESSAGE, cause);
    }
}
