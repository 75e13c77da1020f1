package dev.weft.cli;

/**
 * A runtime failure a command reports to the user as one line and exit code 1,
 * for example "cannot connect to 127.0.0.1 port 9: Connection refused".
 */
public final class CommandFailure extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final boolean usage;

    public CommandFailure(String message) {
        this(message, null, false);
    }

    public CommandFailure(String message, Throwable cause) {
        this(message, cause, false);
    }

    private CommandFailure(String message, Throwable cause, boolean usage) {
        super(message, cause);
        this.usage = usage;
    }

    /** A bad option value found while the command runs: reported like a parse error, with exit code 2. */
    public static CommandFailure usage(String message) {
        return new CommandFailure(message, null, true);
    }

    public boolean isUsage() {
        return usage;
    }
}
