package dev.weft.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import dev.weft.engine.ServerConfig;
import dev.weft.engine.TcpServer;
import dev.weft.services.files.ClientTls;
import dev.weft.services.files.Download;
import dev.weft.services.files.Downloads;
import dev.weft.services.files.Endpoint;
import dev.weft.services.files.FilesClient;
import dev.weft.services.files.FilesService;
import dev.weft.services.files.SharedDirectory;
import dev.weft.tools.progress.Sizes;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.TypeConversionException;
import picocli.CommandLine.Model.CommandSpec;

/** {@code weft files server|get|list|put}: share a directory over the seeds' raw protocol and weft's own, and its client. */
@Command(name = "files", mixinStandardHelpOptions = true,
        description = "File transfer: a server for one directory (seed-compatible raw protocol and weft's verified, resumable one) and its client.")
final class FilesCommand extends CommandGroup {

    /** Its subcommands, in the order help lists them (registered by {@link WeftCommand#subcommand}). */
    static final List<Class<?>> SUBCOMMANDS = List.of(
            FilesCommand.Server.class, FilesCommand.Get.class, FilesCommand.ListFiles.class, FilesCommand.Put.class);

    static final int DEFAULT_PORT = 9090;

    @Command(name = "server", mixinStandardHelpOptions = true,
            description = "Share DIR: raw requests (a file name) get the bytes; weft clients can list, get with resume, and put.")
    static final class Server implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Parameters(index = "0", paramLabel = "DIR", description = "The directory to share; nothing outside it is ever served.")
        Path dir;

        @Mixin
        ServerOptions options;

        @Option(names = "--allow-upload", description = "Accept uploads (put) from weft clients.")
        boolean allowUpload;

        @Option(names = "--max-upload", paramLabel = "SIZE", defaultValue = "64G",
                description = "Largest upload accepted, e.g. 512M, 64G; larger ones, and any larger than the free disk space, are refused before they start (default: ${DEFAULT-VALUE}).")
        String maxUpload;

        @Override
        public Integer call() throws Exception {
            SharedDirectory share;
            try {
                share = SharedDirectory.open(dir, allowUpload, ServeCommand.size(maxUpload));
            } catch (IOException e) {
                throw new CommandFailure("cannot share " + dir + ": " + e.getMessage(), e);
            }
            List<String> notes = new ArrayList<>();
            notes.add("Sharing " + share.root() + (allowUpload ? " (uploads allowed)" : " (read-only)"));
            ServerConfig config = options.config("files", DEFAULT_PORT, notes);
            return Serving.untilStopped(TcpServer.start(config, FilesService.create(share)), notes, spec.commandLine().getOut());
        }
    }

    /** The options every client command shares: TLS and the timeout. */
    static final class ClientOptions {
        @Spec(Spec.Target.MIXEE)
        CommandSpec mixee;

        @ArgGroup(exclusive = true)
        TlsChoice tls;

        @Option(names = {"--timeout", "--idle-timeout"}, defaultValue = "10s", converter = DurationConverter.class,
                description = "Connect and reply timeout (default: ${DEFAULT-VALUE}).")
        Duration timeout;

        static final class TlsChoice {
            @Option(names = "--tls", description = "Use TLS, trusting the system's certificate authorities.")
            boolean system;

            @Option(names = {"--pin", "--tls-fingerprint"}, paramLabel = "sha256:...",
                    description = "Use TLS, trusting only the certificate with this SHA-256 fingerprint (as a --tls-self-signed server prints it).")
            String fingerprint;

            @Option(names = "--cacert", paramLabel = "FILE",
                    description = "Use TLS, also trusting the CA certificates in this PEM file.")
            java.nio.file.Path cacert;

            @Option(names = {"-k", "--insecure"}, description = "Use TLS without checking the server's certificate (warns).")
            boolean insecure;
        }

        ClientTls tls() {
            if (tls == null) {
                return null;
            }
            if (tls.insecure) {
                mixee.commandLine().getErr().println("weft: warning: -k: the server's certificate is not checked");
            }
            try {
                dev.weft.client.ClientTrust trust = dev.weft.client.ClientTrust.of(tls.cacert, tls.fingerprint, tls.insecure);
                return new ClientTls(trust.context(), trust.checkHostName());
            } catch (IllegalArgumentException e) {
                throw CommandFailure.usage(e.getMessage());
            } catch (IOException e) {
                throw new CommandFailure(e.getMessage(), e);
            }
        }
    }

    static final class EndpointConverter implements ITypeConverter<Endpoint> {
        @Override
        public Endpoint convert(String value) {
            try {
                return Endpoint.parse(value, DEFAULT_PORT);
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException(e.getMessage());
            }
        }
    }

    @Command(name = "get", mixinStandardHelpOptions = true,
            description = "Download files, verified by SHA-256; run again after an interruption to resume.")
    static final class Get implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Parameters(index = "0", paramLabel = "HOST[:PORT]", converter = EndpointConverter.class)
        Endpoint endpoint;

        @Parameters(index = "1..*", arity = "1..*", paramLabel = "PATH", description = "Remote path(s), relative to the shared directory.")
        List<String> paths;

        @Option(names = {"-o", "--output"}, paramLabel = "OUT",
                description = "Where to save: a file name for one PATH, or a directory (created if needed for several).")
        Path output;

        @Option(names = "--raw", description = "Speak the seeds' raw protocol (no listing, resume or checksum).")
        boolean raw;

        @Option(names = "--parallel", paramLabel = "N", defaultValue = "4", description = "Downloads at once (default: ${DEFAULT-VALUE}).")
        int parallel;

        @Option(names = {"-q", "--quiet"}, description = "No progress bar.")
        boolean quiet;

        @Mixin
        ClientOptions client;

        @Override
        public Integer call() throws Exception {
            if (parallel < 1) {
                throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--parallel must be at least 1, not " + parallel);
            }
            Map<String, Path> targets = targets();
            Downloads.Source source = new Downloads.Source(endpoint, client.tls(), client.timeout, raw);
            List<Downloads.Outcome> outcomes;
            try (TransferProgress progress = TransferProgress.start("get", quiet)) {
                outcomes = Downloads.fetch(source, targets, parallel, progress);
            }
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            List<Downloads.Outcome> failed = outcomes.stream().filter(o -> !o.ok()).toList();
            outcomes.stream().filter(Downloads.Outcome::ok).forEach(o -> out.println(describe(o.result())));
            out.flush();
            if (failed.size() == 1 && outcomes.size() == 1) {
                throw new CommandFailure(failed.getFirst().failure().getMessage(), failed.getFirst().failure());
            }
            if (!failed.isEmpty()) {
                failed.forEach(o -> err.println("weft: " + o.failure().getMessage()));
                err.flush();
                throw new CommandFailure(failed.size() + " of " + outcomes.size() + " downloads failed");
            }
            return ExitCode.OK.code();
        }

        private Map<String, Path> targets() throws IOException {
            boolean intoDirectory = paths.size() > 1 || output != null && Files.isDirectory(output);
            if (!intoDirectory) {
                Path file = output != null ? output : Path.of(Downloads.localName(paths.getFirst()));
                return new LinkedHashMap<>(Map.of(paths.getFirst(), file));
            }
            Path dir = output == null ? Path.of(".") : output;
            try {
                Files.createDirectories(dir);
            } catch (IOException e) {
                throw new CommandFailure("cannot create directory " + dir + ": " + e.getMessage(), e);
            }
            return Downloads.targets(paths, dir);
        }

        private static String describe(Download.Result result) {
            String check = result.sha256() == null ? "raw protocol, not verified" : "SHA-256 " + result.sha256().substring(0, 16) + "… verified";
            String resumed = result.resumedFrom() > 0 ? ", resumed at byte " + result.resumedFrom() : "";
            return "Saved " + result.file() + " (" + Sizes.bytes(result.size()) + ", " + check + resumed + ")";
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List a remote directory: kind, size, modification time, name.")
    static final class ListFiles implements Callable<Integer> {
        private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneId.systemDefault());

        @Spec
        CommandSpec spec;

        @Parameters(index = "0", paramLabel = "HOST[:PORT]", converter = EndpointConverter.class)
        Endpoint endpoint;

        @Parameters(index = "1", arity = "0..1", paramLabel = "DIR", defaultValue = ".", description = "Remote directory (default: the shared root).")
        String dir;

        @Mixin
        ClientOptions client;

        @Override
        public Integer call() throws IOException {
            try (FilesClient files = FilesClient.connect(endpoint, client.tls(), client.timeout)) {
                PrintWriter out = spec.commandLine().getOut();
                for (FilesClient.Entry entry : files.list(dir)) {
                    out.printf("%s %14s  %s  %s%n", entry.directory() ? "d" : "-", entry.directory() ? "" : Long.toString(entry.size()),
                            TIME.format(entry.modified()), entry.name() + (entry.directory() ? "/" : ""));
                }
                out.flush();
            }
            return ExitCode.OK.code();
        }
    }

    @Command(name = "put", mixinStandardHelpOptions = true,
            description = "Upload FILE (the server needs --allow-upload); an existing remote file is kept unless --overwrite.")
    static final class Put implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Parameters(index = "0", paramLabel = "HOST[:PORT]", converter = EndpointConverter.class)
        Endpoint endpoint;

        @Parameters(index = "1", paramLabel = "FILE")
        Path file;

        @Parameters(index = "2", arity = "0..1", paramLabel = "REMOTE_PATH",
                description = "Where to store it (default: FILE's name in the shared root; a path ending in / is a directory).")
        String remote;

        @Option(names = "--overwrite", description = "Replace an existing remote file.")
        boolean overwrite;

        @Option(names = {"-q", "--quiet"}, description = "No progress bar.")
        boolean quiet;

        @Mixin
        ClientOptions client;

        @Override
        public Integer call() throws IOException {
            if (!Files.isRegularFile(file)) {
                throw new CommandFailure("cannot upload " + file + ": not a readable file");
            }
            String name = file.getFileName().toString();
            String target = remote == null ? name : remote.endsWith("/") ? remote + name : remote;
            long size;
            try (FilesClient files = FilesClient.connect(endpoint, client.tls(), client.timeout);
                 TransferProgress progress = TransferProgress.start("put", quiet)) {
                size = files.put(file, target, overwrite, progress);
            }
            spec.commandLine().getOut().println("Uploaded " + file + " as " + target + " (" + size + " bytes, SHA-256 verified by the server)");
            spec.commandLine().getOut().flush();
            return ExitCode.OK.code();
        }
    }
}
