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

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code weft copy}: parses the options, runs the parallel copier, shows progress and the report. */
@Command(name = "copy", mixinStandardHelpOptions = true,
        description = {"Copy a folder tree with parallel workers.",
                "Each file is written under a temp name (a new folder and all in it under the folder's) and moved "
                        + "into place when complete, so an interrupted copy never leaves a truncated file; run the "
                        + "same command with --update to finish it."})
final class CopyCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "SRC", description = "The directory (or file) to copy.")
    Path source;

    @Parameters(index = "1", paramLabel = "DST", description = "Where the copy goes (created if missing).")
    Path target;

    @Option(names = "--workers", paramLabel = "N",
            description = "Files copied at once (default: 16 for small files, 2-4 for files of 8 MiB and more).")
    Integer workers;

    @Option(names = "--verify", description = "Compare the SHA-256 of each copy with its source.")
    boolean verify;

    @Option(names = "--update", description = "Skip files whose size and modification time already match.")
    boolean update;

    @Option(names = {"-n", "--dry-run"}, description = "Show what would be copied; change nothing.")
    boolean dryRun;

    @Option(names = "--preserve", split = ",", paramLabel = "WHAT",
            description = "Metadata to keep: times, perms, or none (default: times).")
    List<String> preserve = List.of("times");

    @Option(names = "--exclude", paramLabel = "GLOB",
            description = "Leave out matching entries: a name at any depth (*.tmp) or a path under SRC (build/**).")
    List<String> excludes = new ArrayList<>();

    @Option(names = {"-L", "--follow-links"}, description = "Copy what symbolic links point to, not the links.")
    boolean followLinks;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        CopyOptions options = options();
        PrintWriter out = spec.commandLine().getOut();
        try {
            if (dryRun) {
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
            for (String name : preserve) {
                if (!name.equalsIgnoreCase("none")) {
                    kept.add(Preserve.parse(name));
                }
            }
            return CopyOptions.of(source, target)
                    .withWorkers(workers == null ? Workers.defaults() : Workers.of(workers))
                    .withVerify(verify).withUpdate(update).withDryRun(dryRun).withPreserve(kept)
                    .withExcludes(excludes).withFollowLinks(followLinks);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage(), e);
        }
    }
}
