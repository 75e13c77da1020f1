package dev.weft.cli;

import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;

import dev.weft.tools.copy.Copier;
import dev.weft.tools.copy.CopyOptions;
import dev.weft.tools.copy.CopyPlan;
import dev.weft.tools.copy.CopyRefused;
import dev.weft.tools.copy.Preserve;
import dev.weft.tools.copy.Workers;
import dev.weft.tools.progress.ConsoleProgress;
import dev.weft.tools.progress.InteractiveConsole;
import dev.weft.tools.progress.Report;
import dev.weft.tools.progress.Sizes;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;
import picocli.CommandLine.ParameterException;

/**
 * {@code weft copy}: parses the options, runs the parallel copier, shows progress and the report. Its picocli model is
 * built in code rather than from annotations ({@link Specs}): {@code copy} races {@code cp -r}, and reading
 * annotations generates proxy classes that no start-up cache keeps (30-40 ms of every run).
 */
final class CopyCommand implements Callable<Integer> {

    static final String NAME = "copy";

    private final PositionalParamSpec source = Specs.positional(0, "SRC", Path.class,
            "The directory (or file) to copy.");
    private final PositionalParamSpec target = Specs.positional(1, "DST", Path.class,
            "Where the copy goes (created if missing).");
    private final OptionSpec workers = OptionSpec.builder("--workers").paramLabel("N").type(Integer.class)
            .description("Files copied at once (default: 16 for small files, 2-4 for files of 8 MiB and more).")
            .build();
    private final OptionSpec verify = Specs.flag("Compare the SHA-256 of each copy with its source.", "--verify");
    private final OptionSpec update = Specs.flag("Skip files whose size and modification time already match.",
            "--update");
    private final OptionSpec dryRun = Specs.flag("Show what would be copied; change nothing.", "-n", "--dry-run");
    private final OptionSpec preserve = OptionSpec.builder("--preserve").splitRegex(",").paramLabel("WHAT")
            .type(List.class).auxiliaryTypes(String.class).initialValue(List.of("times"))
            .description("Metadata to keep: times, perms, or none (default: times).").build();
    private final OptionSpec excludes = OptionSpec.builder("--exclude").paramLabel("GLOB")
            .type(List.class).auxiliaryTypes(String.class).initialValue(new ArrayList<String>())
            .description("Leave out matching entries: a name at any depth (*.tmp) or a path under SRC (build/**).")
            .build();
    private final OptionSpec followLinks = Specs.flag("Copy what symbolic links point to, not the links.",
            "-L", "--follow-links");
    private final CommandSpec spec = Specs.command(this, NAME,
            "Copy a folder tree with parallel workers.",
            "Each file is written under a temp name (a new folder and all in it under the folder's) and moved "
                    + "into place when complete, so an interrupted copy never leaves a truncated file; run the "
                    + "same command with --update to finish it.")
            .add(source).add(target).addOption(workers).addOption(verify).addOption(update).addOption(dryRun)
            .addOption(preserve).addOption(excludes).addOption(followLinks);

    /** The model picocli parses {@code weft copy} with. */
    CommandSpec spec() {
        return spec;
    }

    @Override
    public Integer call() {
        CopyOptions options = options();
        PrintWriter out = spec.commandLine().getOut();
        try {
            if (dryRun.<Boolean>getValue()) {
                CopyPlan plan = CopyPlan.scan(options);
                plan.actions().forEach(out::println);
                out.println("would copy " + plan.files().size() + " files (" + Sizes.bytes(plan.bytes()) + ")");
                return ExitCode.OK.code();
            }
            try (ConsoleProgress display = ConsoleProgress.open("copy", out, InteractiveConsole.present(), false)) {
                Report report = Copier.copy(options, display);
                display.conclude(report, "copied", spec.commandLine().getErr());
                return report.ok() ? ExitCode.OK.code() : ExitCode.FAILURE.code();
            }
        } catch (CopyRefused | UncheckedIOException e) {
            throw new CommandFailure("copy: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            String staged = e.getSuppressed().length == 0 ? "" : "; " + e.getSuppressed()[0].getMessage();
            throw new CommandFailure("copy interrupted" + staged + "; run it again with --update to finish", e);
        }
    }

    private CopyOptions options() {
        try {
            Set<Preserve> kept = EnumSet.noneOf(Preserve.class);
            for (String name : preserve.<List<String>>getValue()) {
                if (!name.equalsIgnoreCase("none")) {
                    kept.add(Preserve.parse(name));
                }
            }
            Integer count = workers.getValue();
            return CopyOptions.of(source.getValue(), target.getValue())
                    .withWorkers(count == null ? Workers.defaults() : Workers.of(count))
                    .withVerify(verify.getValue()).withUpdate(update.getValue()).withDryRun(dryRun.getValue())
                    .withPreserve(kept).withExcludes(excludes.getValue()).withFollowLinks(followLinks.getValue());
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage(), e);
        }
    }
}
