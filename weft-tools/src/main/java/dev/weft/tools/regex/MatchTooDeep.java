package dev.weft.tools.regex;

/**
 * Java's matcher ran out of stack: it recurses once per repetition of a group with alternatives, so
 * {@code (a|b)*} on a long line can overflow even the large stack weft gives it. Reported instead of a crash.
 */
public final class MatchTooDeep extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public MatchTooDeep(StackOverflowError cause) {
        super("the match recursed too deeply on this input (Java's matcher recurses once per repetition of a group "
                + "with alternatives); write the repetition as a character set where you can, e.g. (a|b)* as [ab]*",
                cause);
    }
}
