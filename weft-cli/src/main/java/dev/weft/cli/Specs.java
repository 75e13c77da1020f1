package dev.weft.cli;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/**
 * Builds picocli models in code, for the commands whose start-up counts ({@link WeftCommand}, {@link CopyCommand}).
 * picocli's annotations are read through dynamic proxy classes, generated on every start because no start-up cache
 * keeps them; that was most of the 45 ms picocli took before {@code weft copy} began. These models read as the
 * annotated ones would, help and errors included; the other commands keep their annotations.
 */
final class Specs {

    private Specs() {
    }

    /** A command for {@code userObject} (a Runnable or Callable) with the standard help options. */
    static CommandSpec command(Object userObject, String name, String... description) {
        CommandSpec spec = CommandSpec.wrapWithoutInspection(userObject).name(name);
        spec.usageMessage().description(description);
        return spec.addOption(OptionSpec.builder("-h", "--help").usageHelp(true)
                        .description("Show this help message and exit.").build())
                .addOption(OptionSpec.builder("-V", "--version").versionHelp(true)
                        .description("Print version information and exit.").build());
    }

    /** An option without a value, false until given. */
    static OptionSpec flag(String description, String... names) {
        return OptionSpec.builder(names).type(boolean.class).initialValue(false).description(description).build();
    }

    /** A required positional parameter. */
    static PositionalParamSpec positional(int index, String label, Class<?> type, String description) {
        return PositionalParamSpec.builder().index(Integer.toString(index)).paramLabel(label).type(type)
                .arity("1").required(true).description(description).build();
    }
}
