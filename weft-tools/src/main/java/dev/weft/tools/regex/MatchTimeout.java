package dev.weft.tools.regex;

import java.time.Duration;

/** A match that ran past its time limit ({@code --timeout}): the pattern backtracks too much on this input. */
public final class MatchTimeout extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient Duration limit;

    public MatchTimeout(Duration limit) {
        super("the match ran longer than " + limit.toMillis() / 1000.0 + " s (--timeout); the pattern backtracks too "
                + "much on this input: make the repeated parts exclusive, e.g. (a+)+ as a+");
        this.limit = limit;
    }

    public Duration limit() {
        return limit;
    }
}
