package dev.weft.cli;

import java.io.PrintWriter;
import java.util.List;

import picocli.CommandLine;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * Reports bad usage as one line plus a hint, with exit code 2: a mistyped command or option gets picocli's nearest
 * match ("did you mean 'serve'?"), and picocli's own "Error: " is dropped so the line has one {@code weft:} prefix.
 */
final class UsageErrorReporter implements IParameterExceptionHandler {

    @Override
    public int handleParseException(ParameterException ex, String[] args) {
        CommandLine cli = ex.getCommandLine();
        PrintWriter err = cli.getErr();
        err.println("weft: " + message(ex));
        if (ex instanceof CommandLine.UnmatchedArgumentException && cli.getCommandName().equals("regex")) {
            err.println("A pattern that starts with '-' goes after '--' (weft regex -- -PATTERN FILE) or after -e.");
        }
        err.println("Try '" + cli.getCommandSpec().qualifiedName() + " --help' for more information.");
        err.flush();
        return ExitCode.USAGE.code();
    }

    static String message(ParameterException ex) {
        if (ex instanceof UnmatchedArgumentException unmatched && !unmatched.getUnmatched().isEmpty()) {
            String word = unmatched.getUnmatched().getFirst();
            List<String> suggestions = unmatched.getSuggestions();
            boolean option = word.startsWith("-");
            String what = option ? "unknown option '" + word + "'"
                    : unmatched.getCommandLine().getSubcommands().isEmpty() ? "unexpected argument '" + word + "'"
                    : "unknown command '" + word + "'";
            return suggestions.isEmpty() ? what : what + "; did you mean '" + suggestions.getFirst() + "'?";
        }
        String message = ex.getMessage() == null ? "bad usage" : ex.getMessage();
        return message.startsWith("Error: ") ? message.substring("Error: ".length()) : message;
    }
}
