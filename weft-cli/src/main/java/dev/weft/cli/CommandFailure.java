package dev.weft.cli;

/**
 * A runtime failure a command reports to the user as one line and exit code 1,
 * for example "cannot connect to 127.0.0.1 port 9: Connection refused".
 */
public final class CommandFailure extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public CommandFailure(String message) {
        super(message);
    }

    public CommandFailure(String message, Throwable cause) {
        super(message, cause);
    }
}
