package dev.weft.tools.regex;

/**
 * The text a matcher reads, over a char array without copying, that stops a runaway match: every 64 Ki reads it looks
 * at the clock and the thread's interrupt flag, and throws {@link MatchTimeout} past the deadline. Java's matcher
 * has no time limit of its own, and a backtracking pattern like {@code (a+)+b} can take longer than the universe.
 */
public final class GuardedText implements CharSequence {

    private static final int CHECK_EVERY = 1 << 16;

    private char[] chars;
    private int offset;
    private int length;
    private long deadline;
    private final long timeoutNanos;
    private int budget = CHECK_EVERY;

    private GuardedText(char[] chars, int offset, int length, long timeoutNanos) {
        this.chars = chars;
        this.offset = offset;
        this.length = length;
        this.timeoutNanos = timeoutNanos;
        this.deadline = System.nanoTime() + timeoutNanos;
    }

    /** A whole string, guarded by a timeout that starts now. */
    public static GuardedText of(String text, java.time.Duration timeout) {
        return new GuardedText(text.toCharArray(), 0, text.length(), timeout.toNanos());
    }

    /** A view that {@link #point} moves from line to line of a buffer; each line gets the whole timeout. */
    public static GuardedText view(java.time.Duration timeout) {
        return new GuardedText(new char[0], 0, 0, timeout.toNanos());
    }

    /**
     * Makes this text the given slice of {@code buffer} (no copy), with a time limit of its own: the clock starts at
     * the first check inside the slice (after 64 Ki reads), so short lines never read it.
     */
    public void point(char[] buffer, int from, int to) {
        this.chars = buffer;
        this.offset = from;
        this.length = to - from;
        this.deadline = 0;
        this.budget = CHECK_EVERY;
    }

    @Override
    public char charAt(int index) {
        if (--budget < 0) {
            check();
        }
        return chars[offset + index];
    }

    private void check() {
        budget = CHECK_EVERY;
        if (deadline == 0) {
            deadline = System.nanoTime() + timeoutNanos;
        }
        if (System.nanoTime() - deadline > 0 || Thread.currentThread().isInterrupted()) {
            throw new MatchTimeout(java.time.Duration.ofNanos(timeoutNanos));
        }
    }

    @Override
    public int length() {
        return length;
    }

    @Override
    public CharSequence subSequence(int start, int end) {
        return new String(chars, offset + start, end - start);
    }

    @Override
    public String toString() {
        return new String(chars, offset, length);
    }
}
