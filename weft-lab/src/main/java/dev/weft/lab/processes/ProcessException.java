package dev.weft.lab.processes;

/** A child JVM could not be started, spoken to, or kept alive; the message names the process and what failed. */
public class ProcessException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public ProcessException(String message) {
        super(message);
    }

    public ProcessException(String message, Throwable cause) {
        super(message, cause);
    }
}
