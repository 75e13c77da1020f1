package dev.weft.tools.progress;

import java.util.Objects;

/**
 * How one item (a file copied, a URL downloaded) ended. {@code item} names it for people: a path relative to the
 * copy's source, or a URL; {@code reason} says why it was skipped or failed.
 */
public record Outcome(String item, long bytes, Status status, String reason) {

    /** The closed set of ends an item can reach. */
    public enum Status { DONE, SKIPPED, FAILED }

    public Outcome {
        Objects.requireNonNull(item, "item");
        Objects.requireNonNull(status, "status");
        reason = reason == null ? "" : reason;
    }

    public static Outcome done(String item, long bytes) {
        return new Outcome(item, bytes, Status.DONE, "");
    }

    public static Outcome skipped(String item, long bytes, String reason) {
        return new Outcome(item, bytes, Status.SKIPPED, reason);
    }

    public static Outcome failed(String item, String reason) {
        return new Outcome(item, 0, Status.FAILED, reason);
    }

    public static Outcome failed(String item, Throwable cause) {
        return failed(item, FailureReason.describe(cause));
    }

    public boolean failed() {
        return status == Status.FAILED;
    }
}
