package dev.weft.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import picocli.CommandLine;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * The top-level {@code weft} command: global options and the list of subcommands. The list is a field, not the
 * annotation's {@code subcommands}, so that {@link CommandSet} builds picocli's model of only the subcommand being
 * run: building all of them by reflection was most of {@code weft}'s start-up. Its own model is built in code
 * ({@link Specs}), so a command that is built in code too starts without reading a single annotation.
 */
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
            RegexCommand.class,
            FilesCommand.class,
            ChatCommand.class,
            GuiCommand.class,
            BenchCommand.class,
            TrainCommand.class,
            CommandLine.HelpCommand.class);

    private final OptionSpec debug = OptionSpec.builder("--debug").type(boolean.class).initialValue(false)
            .scopeType(CommandLine.ScopeType.INHERIT).description("Show stack traces and debug logs.").build();
    private final CommandSpec spec = Specs.command(this, "weft",
            "Network services and concurrency on one engine, five concurrency models.")
            .versionProvider(new Version()).addOption(debug);

    /** The model picocli parses the command line with; subcommands are added to it. */
    CommandSpec spec() {
        return spec;
    }

    /** The commands with subcommands of their own, and those subcommands. */
    static final Map<Class<?>, List<Class<?>>> GROUPS = Map.of(
            BenchCommand.class, BenchCommand.SUBCOMMANDS,
            EchoCommand.class, EchoCommand.SUBCOMMANDS,
            FilesCommand.class, FilesCommand.SUBCOMMANDS,
            FtpCommand.class, FtpCommand.SUBCOMMANDS,
            NewsCommand.class, NewsCommand.SUBCOMMANDS,
            TimeCommand.class, TimeCommand.SUBCOMMANDS);

    /**
     * The subcommand as picocli is told about it for command line {@code args}: annotated classes as they are, the
     * others with their model; a group with only the subcommand of its own that {@code args} names
     * ({@link CommandSet#nested}).
     */
    static Object subcommand(Class<?> type, String... args) {
        if (type == CopyCommand.class) {
            return new CommandLine(new CopyCommand().spec());
        }
        List<Class<?>> nested = GROUPS.get(type);
        if (nested == null) {
            return type;
        }
        CommandLine group = new CommandLine(type);
        for (Class<?> subcommand : CommandSet.nested(type, nested, args)) {
            group.addSubcommand(subcommand);
        }
        return group;
    }

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
        return root.getCommand() instanceof WeftCommand weft && weft.debug.<Boolean>getValue();
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
