package dev.weft.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Properties;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * The top-level {@code weft} command: global options and the list of subcommands. The list is a field, not the
 * annotation's {@code subcommands}, so that {@link CommandSet} builds picocli's model of only the subcommand being
 * run: building all of them by reflection was most of {@code weft}'s start-up.
 */
@Command(name = "weft",
        mixinStandardHelpOptions = true,
        versionProvider = WeftCommand.Version.class,
        description = "Network services and concurrency on one engine, five concurrency models.")
public final class WeftCommand implements Runnable {

    /** Every subcommand, in the order help lists them. */
    static final List<Class<?>> SUBCOMMANDS = List.of(
            ServeCommand.class,
            GetCommand.class,
            PostCommand.class,
            EchoCommand.class,
            TimeCommand.class,
            ResolveCommand.class,
            LabCommand.class,
            CopyCommand.class,
            DownloadCommand.class,
            FtpCommand.class,
            NewsCommand.class,
            FilesCommand.class,
            ChatCommand.class,
            BenchCommand.class,
            TrainCommand.class,
            CommandLine.HelpCommand.class);

    @Option(names = "--debug", scope = CommandLine.ScopeType.INHERIT,
            description = "Show stack traces and debug logs.")
    boolean debug;

    @Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** Whether --debug was given anywhere on the command line that ran. */
    static boolean debug(CommandLine cli) {
        CommandLine root = cli;
        while (root.getParent() != null) {
            root = root.getParent();
        }
        return root.getCommand() instanceof WeftCommand weft && weft.debug;
    }

    static final class Version implements IVersionProvider {
        @Override
        public String[] getVersion() {
            Properties properties = new Properties();
            try (InputStream in = WeftCommand.class.getResourceAsStream("/weft-version.properties")) {
                if (in != null) {
                    properties.load(in);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return new String[] {
                    "weft " + properties.getProperty("version", "unknown"),
                    "Java " + Runtime.version() + " (" + System.getProperty("java.vendor") + ")"
            };
        }
    }
}
