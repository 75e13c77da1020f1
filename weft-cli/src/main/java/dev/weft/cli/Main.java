package dev.weft.cli;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;

import picocli.CommandLine;

/** Entry point of the weft command: runs {@link WeftCommand} and exits with its code. */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        if (java.util.Arrays.asList(args).contains("--debug")) {
            System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "debug");
        }
        PrintWriter out = new ByteWriter(System.out);
        PrintWriter err = new PrintWriter(System.err, true, StandardCharsets.UTF_8);
        System.exit(run(out, err, args));
    }

    /** Runs weft with the given arguments, writing to the given writers; returns the exit code. */
    public static int run(PrintWriter out, PrintWriter err, String... args) {
        CommandLine cli = commandLine(out, err, CommandSet.needed(args), args);
        return cli.execute(args);
    }

    /** The weft command with the given subcommands registered (settings after them, so that they apply to all). */
    static CommandLine commandLine(PrintWriter out, PrintWriter err, List<Class<?>> subcommands, String... args) {
        CommandLine cli = new CommandLine(new WeftCommand().spec());
        for (Class<?> subcommand : subcommands) {
            cli.addSubcommand(WeftCommand.subcommand(subcommand, args));
        }
        cli.setOut(out);
        cli.setErr(err);
        cli.setCaseInsensitiveEnumValuesAllowed(true);
        cli.setOverwrittenOptionsAllowed(true);
        cli.setExpandAtFiles(false); // curl's -d @FILE reaches the command instead of being read as an argument file
        cli.setExecutionExceptionHandler(new FailureReporter());
        cli.setParameterExceptionHandler(new UsageErrorReporter());
        cli.setExitCodeExceptionMapper(t -> ExitCode.FAILURE.code());
        return cli;
    }
}
