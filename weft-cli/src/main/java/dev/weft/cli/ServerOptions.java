package dev.weft.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import dev.weft.engine.Limits;
import dev.weft.engine.Model;
import dev.weft.engine.ServerConfig;
import dev.weft.engine.WorkerCommand;
import dev.weft.tls.Tls;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * The options every server command shares (--port, --bind, --model, TLS, limits), and the one place
 * they become a {@link ServerConfig}. Mixed into each server command with {@code @Mixin}.
 */
public final class ServerOptions {

    @Spec(Spec.Target.MIXEE)
    CommandSpec command;

    @Option(names = {"-p", "--port"}, paramLabel = "PORT", description = "Port to listen on (0 picks a free one).")
    Integer port;

    @Option(names = {"-b", "--bind"}, paramLabel = "ADDR", defaultValue = "127.0.0.1",
            description = "Address to listen on: 127.0.0.1 (default), :: or 0.0.0.0 for all, ::1 ...")
    String bind;

    @Option(names = {"-m", "--model"}, paramLabel = "MODEL", converter = ModelConverter.class,
            description = "Concurrency model: thread, pool[:N], virtual, event-loop[:N], processes[:N] "
                    + "(default: event-loop for serve and the TCP echo and time servers, virtual for the others).")
    Model model;

    /**
     * The TCP echo and time servers' default: an event loop per core. weft bench models (docs/benchmarks.md, issue 21)
     * measured 48-53k messages a second under it against 25-33k under virtual threads, with 64 and 1,000 clients;
     * their protocols never block, so the loops answer every connection themselves.
     */
    static final Model TCP_DEFAULT_MODEL = Model.parse("event-loop");

    /** The model when --model is not given: each server's own default (see {@link #defaultModel(Model)}). */
    private Model defaultModel = Model.DEFAULT;

    @Option(names = "--max-connections", paramLabel = "N", defaultValue = "10000",
            description = "Connections open at once; more are refused (default: ${DEFAULT-VALUE}).")
    int maxConnections;

    @Option(names = "--idle-timeout", paramLabel = "DURATION", defaultValue = "60s", converter = DurationConverter.class,
            description = "Close a connection silent for this long (default: ${DEFAULT-VALUE}).")
    Duration idleTimeout;

    @ArgGroup(exclusive = true)
    TlsOptions tls;

    @Option(names = "--worker", hidden = true, description = "Run as a worker process of the processes model.")
    boolean worker;

    /** TLS from PEM files or a certificate generated at start-up. */
    static final class TlsOptions {
        @ArgGroup(exclusive = false)
        PemFiles pem;

        @Option(names = "--tls-self-signed", description = "Serve TLS with a certificate generated now (its fingerprint is printed).")
        boolean selfSigned;
    }

    static final class PemFiles {
        @Option(names = "--tls-cert", required = true, paramLabel = "PEM", description = "TLS certificate chain (PEM).")
        Path cert;

        @Option(names = "--tls-key", required = true, paramLabel = "PEM", description = "TLS private key (PEM).")
        Path key;
    }

    /**
     * The server configuration these options describe.
     *
     * @param service     the name in the start-up line
     * @param defaultPort the port when --port is not given
     * @param notes       receives lines to print before the start-up line (the TLS fingerprint)
     */
    public ServerConfig config(String service, int defaultPort, List<String> notes) throws IOException {
        Limits limits = Limits.DEFAULT.withMaxConnections(maxConnections).withIdleTimeout(idleTimeout);
        List<String> workerArgs = rootArgs();
        Tls identity = identity(notes, workerArgs);
        return ServerConfig.builder(service)
                .bind(bind, port == null ? defaultPort : port)
                .model(model())
                .limits(limits)
                .tls(identity == null ? null : identity.serverContext())
                .workerCommand(workerCommand(workerArgs))
                .worker(worker)
                .build();
    }

    /** The model chosen with --model, or this server's default. */
    public Model model() {
        return model != null ? model : defaultModel;
    }

    /** Sets the model a server runs when --model is not given. */
    public void defaultModel(Model model) {
        this.defaultModel = java.util.Objects.requireNonNull(model, "model");
    }

    public boolean worker() {
        return worker;
    }

    /**
     * The TLS identity, or null. A generated one is handed to worker processes as PEM files in a private
     * temp folder, so every worker presents the certificate whose fingerprint was printed.
     */
    private Tls identity(List<String> notes, List<String> workerArgs) throws IOException {
        if (tls == null) {
            return null;
        }
        if (!tls.selfSigned) {
            try {
                return Tls.fromPem(tls.pem.cert, tls.pem.key);
            } catch (IOException e) {
                throw new CommandFailure("cannot load TLS certificate: " + e.getMessage(), e);
            }
        }
        Tls identity = Tls.selfSigned();
        notes.add("TLS certificate (self-signed) SHA-256 fingerprint: " + identity.fingerprint());
        if (model() instanceof Model.Processes) {
            Path dir = Files.createTempDirectory("weft-tls-");
            Path cert = dir.resolve("cert.pem");
            Path key = dir.resolve("key.pem");
            identity.writePem(cert, key);
            dir.toFile().deleteOnExit();
            cert.toFile().deleteOnExit();
            key.toFile().deleteOnExit();
            workerArgs.remove("--tls-self-signed");
            workerArgs.addAll(List.of("--tls-cert", cert.toString(), "--tls-key", key.toString()));
        }
        return identity;
    }

    /** Workers re-run this same command line with the virtual model on the supervisor's port. */
    private static WorkerCommand workerCommand(List<String> original) {
        return WorkerCommand.java(Main.class.getName(), port -> {
            List<String> args = new ArrayList<>(original);
            args.addAll(List.of("--model", "virtual", "--port", Integer.toString(port), "--worker"));
            return args;
        });
    }

    private List<String> rootArgs() {
        if (command.commandLine().getParseResult() == null) {
            return new ArrayList<>();
        }
        picocli.CommandLine root = command.commandLine();
        while (root.getParent() != null) {
            root = root.getParent();
        }
        return new ArrayList<>(root.getParseResult().originalArgs());
    }
}
