package dev.weft.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.IntPredicate;

/**
 * Starts each benchmark server in a process of its own on free loopback ports: the Java servers on the
 * same JVM flags and class path (weft also with a user's {@code WEFT_JAVA_OPTS}), nginx with a generated
 * configuration. Returns once {@code GET /hello} answers 200, and records how long that took.
 */
public final class ServerLauncher {

    private static final Duration START_LIMIT = Duration.ofSeconds(30);

    private final Path work;
    private final Path site;
    private final String classpath;
    private final WeftJvm weft = WeftJvm.current();
    private final TlsFiles tls;
    private Path nginx;

    /**
     * @param work      a folder for logs and nginx prefixes
     * @param site      the folder from {@link BenchSite#create}
     * @param classpath the Java servers' class path ({@link ServerClasspath#find()})
     */
    public ServerLauncher(Path work, Path site, String classpath) {
        this(work, site, classpath, null);
    }

    /** The certificate and key (PEM) every TLS endpoint presents, one for all servers of a run. */
    public record TlsFiles(Path certificate, Path key) {
    }

    /** As {@link #ServerLauncher(Path, Path, String)}, with the TLS identity of the servers that speak TLS (or null). */
    public ServerLauncher(Path work, Path site, String classpath, TlsFiles tls) {
        this.work = work;
        this.site = site;
        this.classpath = classpath;
        this.tls = tls;
    }

    /**
     * Starts a benchmark HTTP server as {@code contender} says (weft's model or default, Netty's loops, nginx's
     * workers; TLS beside plain HTTP where {@link Contender#servesTls()} and this launcher has a certificate);
     * returns once {@code GET /hello} answers 200.
     */
    public RunningServer start(Contender contender) throws IOException, InterruptedException {
        boolean withTls = tls != null && contender.servesTls();
        int[] ports = freePorts(contender.isWeft() ? (withTls ? 3 : 2) : (withTls ? 2 : 1));
        int port = ports[0];
        int appPort = contender.isWeft() ? ports[1] : port;
        int tlsPort = withTls ? ports[ports.length - 1] : 0;
        List<String> extra = new ArrayList<>();
        if (contender.isWeft()) {
            extra.addAll(List.of("--app-port", Integer.toString(appPort)));
            if (withTls) {
                extra.addAll(List.of("--tls-port", Integer.toString(tlsPort), "--tls-cert", tls.certificate().toString(),
                        "--tls-key", tls.key().toString()));
            }
        } else if (contender.peer() == Peer.NETTY && contender.workers() > 0) {
            extra.addAll(List.of("--loops", Integer.toString(contender.workers())));
        }
        RunningServer server = start(contender, contender.peer().mainClass(), extra, ServerLauncher::helloAnswers,
                port, tlsPort);
        return new RunningServer(contender, server.process(), port, appPort, tlsPort, server.config(),
                server.startupMillis(), server.log());
    }

    /**
     * Starts {@code mainClass} (a Java server taking {@code --port P --site DIR [--model M]} and {@code extraArgs})
     * as {@code contender}; returns once {@code ready} holds for its port.
     */
    public RunningServer start(Contender contender, String mainClass, List<String> extraArgs, IntPredicate ready)
            throws IOException, InterruptedException {
        return start(contender, mainClass, extraArgs, ready, freePorts(1)[0], 0);
    }

    private RunningServer start(Contender contender, String mainClass, List<String> extraArgs, IntPredicate ready,
                                int port, int tlsPort) throws IOException, InterruptedException {
        Path log = work.resolve(contender.fileName() + "-" + port + ".log");
        List<String> config = new ArrayList<>();
        List<String> command;
        if (contender.peer().isJava()) {
            List<String> flags = new ArrayList<>(JvmFlags.FLAGS);
            if (contender.isWeft() && !serverFlags().isEmpty()) {
                // ./weft's own heap and collector replace the common ones (two collectors would not start)
                flags.removeIf(flag -> flag.startsWith("-Xm") || flag.matches("-XX:[+-]Use\\w+GC"));
                flags.addAll(serverFlags());
            }
            if (contender.isWeft()) {
                flags.addAll(userFlags()); // later flags win: a user's WEFT_JAVA_OPTS, as ./weft passes it on
            }
            // weft starts as ./weft starts it (its AOT cache, on the jar the cache was made for); the peers as before
            command = contender.isWeft() && weft.cached()
                    ? weft.command(flags, mainClass)
                    : JvmFlags.command(flags, classpath, mainClass);
            command.addAll(List.of("--port", Integer.toString(port), "--site", site.toString()));
            command.addAll(extraArgs);
            if (contender.model() != null) {
                command.addAll(List.of("--model", contender.model()));
            }
        } else {
            if (nginx == null) {
                nginx = Nginx.locate();
            }
            Nginx.Setup setup = new Nginx.Setup(site, port, contender.workers() == 0 ? 1 : contender.workers(),
                    tlsPort, tlsPort == 0 ? null : tls);
            command = Nginx.prepare(nginx, work, setup);
            config.addAll(Nginx.config(Path.of(command.get(2)), setup).lines().toList());
        }
        long started = System.nanoTime();
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        PrintStream logOut = new PrintStream(Files.newOutputStream(log), true, StandardCharsets.UTF_8);
        List<String> reported = new ArrayList<>();
        // a platform thread: a pipe read pins a virtual thread's carrier, and a dozen of them starve the load generators
        Thread.ofPlatform().daemon().name("server-output").start(() -> copyOutput(process.getInputStream(), logOut, reported));
        try {
            awaitReady(process, port, log, contender, ready);
        } catch (IOException | RuntimeException e) {
            process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            throw e;
        }
        long startup = (System.nanoTime() - started) / 1_000_000;
        synchronized (reported) {
            config.addAll(reported);
        }
        return new RunningServer(contender, process, port, List.copyOf(config), startup, log);
    }

    /** The flags ./weft gives a server's JVM (its heap and collector), as it hands them over in {@code weft.server.flags}. */
    static List<String> serverFlags() {
        return words(System.getProperty(SERVER_PROPERTY));
    }

    static final String SERVER_PROPERTY = "weft.server.flags";

    /** The words of {@code WEFT_JAVA_OPTS}, which ./weft adds to a server's JVM after its own flags. */
    static List<String> userFlags() {
        return words(System.getenv("WEFT_JAVA_OPTS"));
    }

    private static List<String> words(String text) {
        return text == null || text.isBlank() ? List.of() : List.of(text.strip().split("\\s+"));
    }

    /** Copies the server's output to its log, keeping the {@code config:} lines it prints. */
    private static void copyOutput(InputStream in, PrintStream log, List<String> reported) {
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)); log) {
            for (String line; (line = reader.readLine()) != null; ) {
                log.println(line);
                if (line.startsWith("config: ")) {
                    synchronized (reported) {
                        reported.add(line.substring(8));
                    }
                }
            }
        } catch (IOException e) {
            log.println("(output ended: " + e.getMessage() + ")");
        }
    }

    /** Polls {@code ready} every 2 ms until it holds, the process dies or the start limit passes. */
    private static void awaitReady(Process process, int port, Path log, Contender contender, IntPredicate ready)
            throws IOException {
        long deadline = System.nanoTime() + START_LIMIT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IOException(contender.name() + " exited with status " + process.exitValue()
                        + " before serving; its output is in " + log);
            }
            if (ready.test(port)) {
                return;
            }
            LockSupport.parkNanos(2_000_000);
        }
        throw new IOException(contender.name() + " was not ready within " + START_LIMIT.toSeconds()
                + " s; its output is in " + log);
    }

    /** True when a TCP connection to the port is accepted. */
    static boolean accepts(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 1000);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    static boolean helloAnswers(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 1000);
            socket.setSoTimeout(2000);
            OutputStream out = socket.getOutputStream();
            out.write("GET /hello HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            byte[] head = socket.getInputStream().readNBytes(12);
            return new String(head, StandardCharsets.US_ASCII).startsWith("HTTP/1.1 200");
        } catch (IOException e) {
            return false;
        }
    }

    static int freePort() throws IOException {
        return freePorts(1)[0];
    }

    /** {@code count} distinct free loopback ports (each probe is held until all are chosen). */
    static int[] freePorts(int count) throws IOException {
        List<ServerSocket> probes = new ArrayList<>();
        try {
            int[] ports = new int[count];
            for (int i = 0; i < count; i++) {
                ServerSocket probe = new ServerSocket(0, 1, java.net.InetAddress.getByName("127.0.0.1"));
                probes.add(probe);
                ports[i] = probe.getLocalPort();
            }
            return ports;
        } finally {
            for (ServerSocket probe : probes) {
                probe.close();
            }
        }
    }
}
