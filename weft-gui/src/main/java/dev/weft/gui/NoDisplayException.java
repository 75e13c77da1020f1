package dev.weft.gui;

/** There is no screen to open a window on: no DISPLAY, one that cannot be reached, or a Java without desktop support. */
public final class NoDisplayException extends Exception {

    private static final long serialVersionUID = 1L;

    /** The one line a user sees. */
    public static final String MESSAGE = "no display found; run it on a desktop or under xvfb-run";

    /** What a Java runtime built without its desktop libraries (a "headless" JDK package) makes of a window. */
    public static final String HEADLESS_JAVA = "this Java has no desktop support (a headless JDK): run weft gui with a full JDK";

    NoDisplayException(Throwable cause) {
        super(MESSAGE, cause);
    }

    NoDisplayException(String message, Throwable cause) {
        super(message, cause);
    }
}
