package dev.weft.cli;

import java.io.PrintWriter;

import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

/**
 * Turns an exception escaping a command into one line on stderr and exit code 1 (a stack trace only with --debug).
 * A usage failure, and an IllegalArgumentException (how weft's code names a bad value it was given: "port must be
 * between 0 and 65535, not 70000"), exit 2 with the help hint instead.
 */
final class FailureReporter implements IExecutionExceptionHandler {

    @Override
    public int handleExecutionException(Exception ex, CommandLine cli, ParseResult parseResult) {
        PrintWriter err = cli.getErr();
        err.println("weft: " + describe(ex));
        if (ex instanceof CommandFailure failure && failure.isUsage() || ex instanceof IllegalArgumentException) {
            err.println("Try '" + cli.getCommandSpec().qualifiedName() + " --help' for more information.");
            err.flush();
            return ExitCode.USAGE.code();
        }
        if (WeftCommand.debug(cli)) {
            ex.printStackTrace(err);
        }
        err.flush();
        return ExitCode.FAILURE.code();
    }

    /** The user-facing one-line description of a failure. */
    static String describe(Throwable ex) {
        if (ex instanceof java.io.UncheckedIOException unchecked) {
            ex = unchecked.getCause();
        }
        String message = ex.getMessage();
        boolean selfExplaining = ex instanceof CommandFailure || ex instanceof IllegalArgumentException
                || ex instanceof java.io.IOException && !(ex instanceof java.net.UnknownHostException);
        if (selfExplaining && message != null && !message.isBlank()) {
            return message;
        }
        if (ex instanceof java.net.UnknownHostException) {
            return "unknown host: " + message;
        }
        String kind = ex.getClass().getSimpleName().replaceAll("(Exception|Error)$", "");
        return message == null || message.isBlank() ? kind : kind + ": " + message;
    }
}
