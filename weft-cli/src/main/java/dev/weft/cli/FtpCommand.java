package dev.weft.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import org.jline.terminal.TerminalBuilder;

import dev.weft.tools.ftp.FileDownload;
import dev.weft.tools.ftp.FtpFailure;
import dev.weft.tools.ftp.FtpOptions;
import dev.weft.tools.ftp.FtpSession;
import dev.weft.tools.ftp.FtpShell;
import dev.weft.tools.ftp.FtpUrl;
import dev.weft.tools.ftp.LineSource;
import dev.weft.tools.ftp.Mirror;
import dev.weft.tools.ftp.TerminalProgress;
import dev.weft.tools.ftp.TransferListener;
import dev.weft.tools.progress.InteractiveConsole;
import dev.weft.tools.progress.Sizes;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code weft ftp}: ls, get, put, mirror and an interactive shell over FTP or explicit FTPS. */
@Command(name = "ftp", mixinStandardHelpOptions = true,
        description = {"FTP and FTPS client (passive mode, binary transfers, resumable downloads).",
                "URL: ftp://[user[:password]@]host[:port]/path (anonymous login when no user is given)."})
public final class FtpCommand extends CommandGroup {

    /** Its subcommands, in the order help lists them (registered by {@link WeftCommand#subcommand}). */
    static final List<Class<?>> SUBCOMMANDS = List.of(
            FtpCommand.Ls.class, FtpCommand.Get.class, FtpCommand.Put.class, FtpCommand.MirrorTree.class,
            FtpCommand.Shell.class);

    /** The connection options every subcommand takes. */
    static final class Connection {
        @Option(names = "--active", description = "Use active mode (the server connects back) instead of passive.")
        boolean active;

        @Option(names = "--tls", description = "Explicit FTPS (AUTH TLS); the certificate is verified.")
        boolean tls;

        @Mixin
        SessionOptions session;

        FtpOptions options() {
            return new FtpOptions(!active, tls, session.insecure, session.timeout());
        }
    }

    /** What all subcommands share: options, output, progress, and turning an FTP failure into one line. */
    abstract static class Base implements Callable<Integer> {
        @Mixin
        Connection connection;

        @Spec
        CommandLine.Model.CommandSpec spec;

        PrintWriter out() {
            return spec.commandLine().getOut();
        }

        static TransferListener progress() {
            return InteractiveConsole.present() ? TerminalProgress.perFile() : TransferListener.NONE;
        }

        @Override
        public final Integer call() {
            return SessionOptions.run(this::execute);
        }

        abstract int execute() throws IOException;
    }

    @Command(name = "ls", mixinStandardHelpOptions = true, description = "List a remote directory.")
    static final class Ls extends Base {
        @Parameters(paramLabel = "URL", description = "ftp://host/dir/")
        String url;

        @Override
        int execute() throws FtpFailure {
            FtpUrl target = FtpUrl.parse(url);
            try (FtpSession session = FtpSession.open(target, connection.options())) {
                session.list(target.path()).forEach(entry -> out().println(entry.line()));
            }
            return ExitCode.OK.code();
        }
    }

    @Command(name = "get", mixinStandardHelpOptions = true,
            description = "Download a file through OUT.part; run again to resume an interrupted download.")
    static final class Get extends Base {
        @Parameters(paramLabel = "URL", description = "ftp://host/dir/file")
        String url;

        @Option(names = {"-o", "--output"}, paramLabel = "OUT", description = "Local file or directory (default: the remote name).")
        Path output;

        @Option(names = "--no-resume", description = "Start over instead of resuming OUT.part.")
        boolean noResume;

        @Override
        int execute() throws FtpFailure {
            FtpUrl source = FtpUrl.parse(url);
            if (source.fileName().isEmpty()) {
                throw new IllegalArgumentException("the URL names a directory, not a file: " + source);
            }
            Path target = output == null ? Path.of(source.fileName())
                    : Files.isDirectory(output) ? output.resolve(source.fileName()) : output;
            try (FtpSession session = FtpSession.open(source, connection.options())) {
                long started = System.nanoTime();
                FileDownload.Result result = FileDownload.run(session, source.path(), target, !noResume, progress());
                out().println(source.path() + " -> " + target + " (" + Sizes.summarySince(result.fetched(), started)
                        + (result.resumedFrom() > 0 ? ", resumed at byte " + result.resumedFrom() : "") + ")");
            }
            return ExitCode.OK.code();
        }
    }

    @Command(name = "put", mixinStandardHelpOptions = true,
            description = "Upload a file (as NAME.part, renamed when complete).")
    static final class Put extends Base {
        @Parameters(index = "0", paramLabel = "FILE")
        Path file;

        @Parameters(index = "1", paramLabel = "URL", description = "ftp://user@host/dir/ or ftp://user@host/dir/name")
        String url;

        @Override
        int execute() throws FtpFailure {
            if (!Files.isRegularFile(file)) {
                throw new IllegalArgumentException("no such local file: " + file);
            }
            FtpUrl target = FtpUrl.parse(url);
            try (FtpSession session = FtpSession.open(target, connection.options())) {
                String path = target.path();
                if (path.isEmpty() || path.endsWith("/") || session.isDirectory(path)) {
                    path = path.isEmpty() || path.endsWith("/") ? path + file.getFileName() : path + "/" + file.getFileName();
                }
                long started = System.nanoTime();
                long bytes = session.upload(file, path, progress());
                out().println(file + " -> " + path + " (" + Sizes.summarySince(bytes, started) + ")");
            }
            return ExitCode.OK.code();
        }
    }

    @Command(name = "mirror", mixinStandardHelpOptions = true,
            description = "Copy a remote directory tree into DIR; files already there (same size and time) are skipped.")
    static final class MirrorTree extends Base {
        @Parameters(index = "0", paramLabel = "URL")
        String url;

        @Parameters(index = "1", paramLabel = "DIR")
        Path dir;

        @Option(names = "--parallel", paramLabel = "N", defaultValue = "4",
                description = "Transfers at once, one connection each (default ${DEFAULT-VALUE}).")
        int parallel;

        @Override
        int execute() throws FtpFailure {
            Mirror mirror = new Mirror(FtpUrl.parse(url), connection.options(), parallel);
            List<FtpFailure> failures = new ArrayList<>();
            List<Mirror.Job> jobs = mirror.plan(dir, failures);
            long total = jobs.stream().mapToLong(job -> Math.max(0, job.entry().size())).sum();
            Mirror.Result result;
            long started = System.nanoTime();
            if (InteractiveConsole.present()) {
                try (TerminalProgress bar = TerminalProgress.total("mirror", total)) {
                    result = mirror.fetch(jobs, failures, bar);
                }
            } else {
                result = mirror.fetch(jobs, failures, TransferListener.NONE);
            }
            out().println("mirrored " + result.fetched() + " files (" + Sizes.summarySince(result.bytes(), started) + "), "
                    + result.skipped() + " already up to date");
            if (!result.failures().isEmpty()) {
                PrintWriter err = spec.commandLine().getErr();
                result.failures().forEach(f -> err.println("weft: " + f.getMessage()));
                throw new CommandFailure(result.failures().size() + " of " + jobs.size() + " files failed");
            }
            return ExitCode.OK.code();
        }
    }

    @Command(name = "shell", mixinStandardHelpOptions = true,
            description = {"Interactive session: ls, cd, pwd, get, put, mkdir, rm, rename, help, quit.",
                    "Line editing on a terminal; reads plain lines when input is piped."})
    static final class Shell extends Base {
        @Parameters(paramLabel = "HOST", description = "host[:port] or an ftp:// URL (with user and start directory)")
        String host;

        @Override
        int execute() throws IOException {
            FtpUrl target = FtpUrl.parse(host);
            try (FtpSession session = FtpSession.open(target, connection.options());
                    LineSource lines = lines()) {
                if (!target.path().isEmpty()) {
                    session.cd(target.path());
                }
                out().println("connected to " + target.address() + " as " + target.user() + "; type help for commands");
                FtpShell shell = new FtpShell(session, out(), Path.of("").toAbsolutePath(), progress());
                return shell.run(lines);
            }
        }

        private static LineSource lines() throws IOException {
            if (InteractiveConsole.present()) {
                return LineSource.editing(TerminalBuilder.builder().system(true).build());
            }
            return LineSource.plain(new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)));
        }
    }
}
