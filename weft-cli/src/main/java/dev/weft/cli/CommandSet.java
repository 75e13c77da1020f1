package dev.weft.cli;

import java.util.List;
import java.util.Set;

import picocli.CommandLine.Command;


/**
 * Which of {@link WeftCommand#SUBCOMMANDS} a command line needs picocli to know. picocli builds a subcommand's model
 * by reflection over its class and every mixin and nested subcommand; doing that for all of them took most of
 * {@code weft}'s start-up. A command line that names a subcommand first (after {@code --debug}) parses and runs the
 * same with only that one registered; a bare version request needs none; anything else (help, {@code weft help X},
 * usage, a bad word) gets all of them, so help and errors read exactly as they always did.
 */
final class CommandSet {

    private static final Set<String> VERSION = Set.of("-V", "--version");
    private static final String DEBUG = "--debug";
    private static final String HELP = "help";

    private CommandSet() {
    }

    static List<Class<?>> needed(String... args) {
        int first = 0;
        while (first < args.length && args[first].equals(DEBUG)) {
            first++;
        }
        if (first == args.length) {
            return WeftCommand.SUBCOMMANDS; // bare 'weft' prints the usage, which lists them
        }
        String word = args[first];
        if (word.equals(HELP)) {
            return WeftCommand.SUBCOMMANDS; // 'weft help X' needs X, and 'weft help' lists them all
        }
        if (!word.startsWith("-")) {
            return WeftCommand.SUBCOMMANDS.stream().filter(c -> name(c).equals(word)).findFirst()
                    .<List<Class<?>>>map(List::of).orElse(WeftCommand.SUBCOMMANDS);
        }
        boolean versionOnly = true;
        for (int i = first; i < args.length; i++) {
            versionOnly &= VERSION.contains(args[i]) || args[i].equals(DEBUG);
        }
        return versionOnly ? List.of() : WeftCommand.SUBCOMMANDS;
    }

    /**
     * Which of {@code group}'s subcommands ({@code all}) a command line needs: the one named right after the group
     * ({@code weft files get ...} needs {@code get} only: building the four took 190 ms of a {@code files get}), else
     * all of them, so that help, usage and errors read as they always did. Their names come from their
     * {@code @Command}, which picocli reads anyway when it builds the one.
     */
    static List<Class<?>> nested(Class<?> group, List<Class<?>> all, String... args) {
        int first = 0;
        while (first < args.length && args[first].equals(DEBUG)) {
            first++;
        }
        if (first + 1 >= args.length || !args[first].equals(name(group)) || args[first + 1].startsWith("-")) {
            return all;
        }
        String word = args[first + 1];
        return all.stream().filter(c -> c.getAnnotation(Command.class).name().equals(word)).findFirst()
                .<List<Class<?>>>map(List::of).orElse(all);
    }

    /**
     * The name the subcommand is typed as: its class's name without "Command", in lower case ({@code CopyCommand} is
     * {@code copy}). Read from the class name, not its {@code @Command}: reading an annotation makes the JVM generate
     * proxy classes, which costs a command built without annotations ({@link Specs}) most of what it saves.
     * {@code CommandSetTest} checks that every subcommand's model has this name.
     */
    static String name(Class<?> subcommand) {
        String type = subcommand.getSimpleName();
        if (!type.endsWith("Command") || type.length() == "Command".length()) {
            throw new IllegalStateException(subcommand.getName() + " is not named NameCommand");
        }
        return type.substring(0, type.length() - "Command".length()).toLowerCase(java.util.Locale.ROOT);
    }
}
