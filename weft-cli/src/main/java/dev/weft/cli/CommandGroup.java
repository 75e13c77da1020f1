package dev.weft.cli;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * A command that only gathers subcommands ({@code weft echo server|client}): run on its own, it prints its usage.
 * One definition for every such group, so they all behave alike.
 */
abstract class CommandGroup implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public final void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
