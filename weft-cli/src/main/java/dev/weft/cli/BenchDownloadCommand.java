package dev.weft.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import dev.weft.bench.DownloadBench;
import dev.weft.bench.ToolReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code weft bench download}: weft download against wget -i and aria2c -j 16, from weft's own server on loopback. */
@Command(name = "download", mixinStandardHelpOptions = true,
        description = "Serve small files with weft's HTTP server on 127.0.0.1 and fetch them all with weft download, wget -i "
                + "and aria2c -j 16 in interleaved rounds (each run into a new folder, all deleted after the last); "
                + "report medians and ratios.")
final class BenchDownloadCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--files", defaultValue = "1000", description = "Small files (1-8 KiB) to download (default: ${DEFAULT-VALUE}).")
    int files;

    @Option(names = "--large", defaultValue = "0", paramLabel = "SIZE",
            description = "Also download one file of this size, e.g. 1g, with weft, curl -o and aria2c (default: 0, none).")
    String large;

    @Option(names = "--rounds", defaultValue = "3", description = "Interleaved rounds; figures are medians (default: ${DEFAULT-VALUE}).")
    int rounds;

    @Option(names = "--out", defaultValue = "bench-results",
            description = "Folder for download.json and download.md (default: ${DEFAULT-VALUE}).")
    Path out;

    @Override
    public Integer call() throws Exception {
        PrintWriter stdout = spec.commandLine().getOut();
        DownloadBench bench;
        try {
            bench = new DownloadBench(BenchCopyCommand.weft("client"), files, ServeCommand.size(large), rounds, line -> BenchCommand.print(stdout, line));
        } catch (IllegalArgumentException e) {
            throw new CommandFailure("bench download: " + e.getMessage(), e);
        }
        ToolReport report = BenchCommand.inWorkFolder("bench download",
                work -> bench.run(BenchCommand.commandLine(spec), work));
        stdout.println();
        stdout.print(report.table());
        BenchCommand.writeReport(stdout, out, "download", report, report.markdown());
        return ExitCode.OK.code();
    }
}
