package dev.weft.cli;

import java.io.PrintWriter;

import picocli.CommandLine;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;

/** Reports bad usage as one line plus a hint, with exit code 2. */
final class UsageErrorReporter implements IParameterExceptionHandler {

    @Override
    public int handleParseException(ParameterException ex, String[] args) {
        CommandLine cli = ex.getCommandLine();
        PrintWriter err = cli.getErr();
        err.println("weft: " + ex.getMessage());
        if (ex instanceof CommandLine.UnmatchedArgumentException && cli.getCommandName().equals("regex")) {
            err.println("A pattern that starts with '-' goes after '--' (weft regex -- -PATTERN FILE) or after -e.");
        }
        err.println("Try '" + cli.getCommandSpec().qualifiedName() + " --help' for more information.");
        err.flush();
        return ExitCode.USAGE.code();
    }
}
