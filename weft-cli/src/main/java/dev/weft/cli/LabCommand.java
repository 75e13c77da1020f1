package dev.weft.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;

import dev.weft.lab.Experiment;
import dev.weft.lab.Fix;
import dev.weft.lab.Knob;
import dev.weft.lab.Lab;
import dev.weft.lab.LabFailure;
import dev.weft.lab.LabOptions;
import dev.weft.lab.LabReport;
import dev.weft.lab.Result;
import dev.weft.lab.ResultJson;
import dev.weft.lab.processes.ProcessException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code weft lab}: lists the concurrency experiments, or runs one and prints what it measured. */
@Command(name = "lab",
        mixinStandardHelpOptions = true,
        description = {"The seeds' threading, multiprocessing and coroutine lessons as measured experiments.",
                "Without NAME, lists the experiments; 'all' runs every one and writes one report."})
public final class LabCommand implements Callable<Integer> {

    @Parameters(index = "0", arity = "0..1", paramLabel = "NAME", description = "The experiment to run, or 'all'.")
    String name;

    @Option(names = "--threads", paramLabel = "N", description = "Threads, workers or permits (each experiment says which).")
    Integer threads;

    @Option(names = "--iterations", paramLabel = "N", description = "Iterations, tasks or size (each experiment says which).")
    Integer iterations;

    @Option(names = "--seed", paramLabel = "S", description = "Seed for the planned random choices (default ${DEFAULT-VALUE}).")
    long seed = LabOptions.DEFAULT_SEED;

    @Option(names = "--lock", description = "race, tickets: hold a lock across the critical section.")
    boolean lock;

    @Option(names = "--fix", paramLabel = "FIX", description = "deadlock: run only this fix (${COMPLETION-CANDIDATES}).")
    Fix fix;

    @Option(names = "--json", description = "Print the figures as one JSON object (all: print the report's JSON).")
    boolean json;

    @Option(names = "--out", paramLabel = "DIR", description = "all: the folder for lab-report.md and lab-report.json (default: the current folder).")
    Path out;

    @Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        if (name == null) {
            list(out);
            return ExitCode.OK.code();
        }
        if (name.equals("all")) {
            return all(out);
        }
        if (this.out != null) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--out applies to 'weft lab all' only");
        }
        Experiment experiment = Lab.find(name).orElseThrow(() -> new CommandLine.ParameterException(spec.commandLine(),
                "unknown experiment '" + name + "' (experiments: " + Lab.names() + ")"));
        LabOptions options;
        try {
            options = new LabOptions(threads, iterations, seed, lock, Optional.ofNullable(fix));
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
        Set<Knob> unused = options.given();
        unused.removeAll(experiment.knobs());
        if (!unused.isEmpty()) {
            throw new CommandLine.ParameterException(spec.commandLine(), options(unused) + " does not apply to " + name
                    + (experiment.knobs().isEmpty() ? " (it takes no options)" : " (it takes " + options(experiment.knobs()) + ")"));
        }
        Result result;
        try {
            result = experiment.run(options);
        } catch (LabFailure | ProcessException e) {
            throw new CommandFailure(e.getMessage(), e);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
        out.print(json ? ResultJson.write(result) + System.lineSeparator() : result.table());
        out.flush();
        return ExitCode.OK.code();
    }

    /** Runs every experiment with its quick options and writes the report; exit 1 if any experiment failed. */
    private int all(PrintWriter printer) throws InterruptedException {
        LabOptions options = new LabOptions(threads, iterations, seed, lock, Optional.ofNullable(fix));
        if (!options.given().isEmpty()) {
            throw new CommandLine.ParameterException(spec.commandLine(), options(options.given())
                    + " does not apply to 'all' (each experiment runs with its own small defaults)");
        }
        Path folder = this.out == null ? Path.of(".") : this.out;
        if (Files.exists(folder) && !Files.isDirectory(folder)) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--out " + folder + " is a file, not a folder");
        }
        PrintWriter progress = json ? spec.commandLine().getErr() : printer;
        LabReport report = LabReport.run(Lab.experiments(), entry -> {
            progress.printf(Locale.ROOT, "%-16s %5.1f s  %s%n", entry.experiment().name(), entry.seconds(),
                    entry.failed() ? "FAILED: " + entry.error() : "ok");
            progress.flush();
        });
        List<Path> written;
        try {
            written = report.write(folder);
        } catch (IOException e) {
            throw new CommandFailure("cannot write the lab report to " + folder + ": " + e.getMessage(), e);
        }
        if (json) {
            printer.print(report.json());
        } else {
            printer.println();
            printer.println(report.entries().size() + " experiments, " + report.failures() + " failed; report: "
                    + written.get(0) + ", " + written.get(1));
        }
        printer.flush();
        return report.failures() == 0 ? ExitCode.OK.code() : ExitCode.FAILURE.code();
    }

    private static void list(PrintWriter out) {
        int width = Lab.experiments().stream().mapToInt(e -> e.name().length()).max().orElse(0);
        for (Experiment e : Lab.experiments()) {
            out.println(e.name() + " ".repeat(width - e.name().length() + 2) + e.summary());
            out.println(" ".repeat(width + 2) + "(" + e.lesson() + ")");
        }
        out.println();
        out.println("Run one with: weft lab NAME [--threads N] [--iterations N] [--seed S] [--json]");
        out.println("Run all with: weft lab all [--json] [--out DIR]");
        out.flush();
    }

    private static String options(Set<Knob> knobs) {
        return knobs.stream().map(Knob::option).collect(Collectors.joining(", "));
    }
}
