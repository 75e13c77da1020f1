package dev.weft.cli;

/** The exit codes every weft command uses. */
public enum ExitCode {
    OK(0), FAILURE(1), USAGE(2);

    private final int code;

    ExitCode(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }
}
