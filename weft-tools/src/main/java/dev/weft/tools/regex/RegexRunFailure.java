package dev.weft.tools.regex;

/** A match that could not finish on one input (timed out, or too deep), with where it happened: "app.log line 12". */
public final class RegexRunFailure extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public RegexRunFailure(String where, RuntimeException cause) {
        super(where + ": " + cause.getMessage(), cause);
    }
}
