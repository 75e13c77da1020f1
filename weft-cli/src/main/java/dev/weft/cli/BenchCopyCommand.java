package dev.weft.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import dev.weft.bench.CopyBench;
import dev.weft.bench.ToolReport;
import dev.weft.bench.WeftProgram;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code weft bench copy}: weft copy against cp -r and rsync -a on many small files and one large file. */
@Command(name = "copy", mixinStandardHelpOptions = true,
        description = "Copy a tree of small files and one large file with weft copy, cp -r and rsync -a (and weft copy --verify "
                + "against cp then sha256sum) in interleaved "
                + "rounds (each its own process, each run into a new folder, all deleted after the last) and report medians and ratios.")
final class BenchCopyCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--files", defaultValue = "10000", description = "Small files (1-8 KiB) in the tree (default: ${DEFAULT-VALUE}).")
    int files;

    @Option(names = "--large", defaultValue = "2g", paramLabel = "SIZE",
            description = "Size of the large file, e.g. 512m, 2g; 0 to skip it (default: ${DEFAULT-VALUE}).")
    String large;

    @Option(names = "--rounds", defaultValue = "3", description = "Interleaved rounds; figures are medians (default: ${DEFAULT-VALUE}).")
    int rounds;

    @Option(names = "--out", defaultValue = "bench-results", description = "Folder for copy.json and copy.md (default: ${DEFAULT-VALUE}).")
    Path out;

    @Override
    public Integer call() throws Exception {
        PrintWriter stdout = spec.commandLine().getOut();
        CopyBench bench;
        try {
            bench = new CopyBench(weft("copy"), WeftProgram.sameClassPathOptimising("copy", Main.class.getName()), files, ServeCommand.size(large), rounds, line -> BenchCommand.print(stdout, line));
        } catch (IllegalArgumentException e) {
            throw new CommandFailure("bench copy: " + e.getMessage(), e);
        }
        ToolReport report = BenchCommand.inWorkFolder("bench copy", work -> bench.run(BenchCommand.commandLine(spec), work));
        stdout.println();
        stdout.print(report.table());
        BenchCommand.writeReport(stdout, out, "copy", report, report.markdown());
        return ExitCode.OK.code();
    }

    /** weft itself for commands of {@code group}, run as the launcher runs them: this JVM's java on its class path. */
    static WeftProgram weft(String group) {
        return WeftProgram.sameClassPath(group, Main.class.getName());
    }
}
