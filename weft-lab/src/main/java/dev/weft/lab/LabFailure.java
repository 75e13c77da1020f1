package dev.weft.lab;

/** An experiment could not finish: a thread or child JVM missed its deadline or failed. The message names which. */
public final class LabFailure extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public LabFailure(String message) {
        super(message);
    }

    public LabFailure(String message, Throwable cause) {
        super(message, cause);
    }
}
