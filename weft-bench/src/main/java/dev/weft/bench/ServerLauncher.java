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
 * Starts each benchmark server in a process of its own on a free loopback port: the Java servers on the
 * same JVM flags and class path, nginx with a generated configuration. Returns once {@code GET /hello}
 * answers 200, and records how long that took.
 */
public final class ServerLauncher {

    private static final Duration START_LIMIT = Duration.ofSeconds(30);

    private final Path work;
    private final Path site;
    private final String classpath;
    private final WeftJvm weft = WeftJvm.current();
    private Path nginx;

    /**
     * @param work      a folder for logs and nginx prefixes
     * @param site      the folder from {@link BenchSite#create}
     * @param classpath the Java servers' class path ({@link ServerClasspath#find()})
     */
    public ServerLauncher(Path work, Path site, String classpath) {
        this.work = work;
        this.site = site;
        this.classpath = classpath;
    }

    /** Starts a benchmark HTTP server; returns once {@code GET /hello} answers 200. */
    public RunningServer start(Contender contender) throws IOException, InterruptedException {
        return start(contender, contender.peer().mainClass(), List.of(), ServerLauncher::helloAnswers);
    }

    /**
     * Starts {@code mainClass} (a Java server taking {@code --port P --site DIR [--model M]} and {@code extraArgs})
     * as {@code contender}; returns once {@code ready} holds for its port.
     */
    public RunningServer start(Contender contender, String mainClass, List<String> extraArgs, IntPredicate ready)
            throws IOException, InterruptedException {
        int port = freePort();
        Path log = work.resolve(contender.name().replaceAll("[^a-z0-9]+", "-") + "-" + port + ".log");
        List<String> config = new ArrayList<>();
        List<String> command;
        if (contender.peer().isJava()) {
            // weft starts as ./weft starts it (its AOT cache, on the jar the cache was made for); the peers as before
            command = contender.isWeft() && weft.cached()
                    ? weft.command(JvmFlags.FLAGS, mainClass)
                    : JvmFlags.command(JvmFlags.FLAGS, classpath, mainClass);
            command.addAll(List.of("--port", Integer.toString(port), "--site", site.toString()));
            command.addAll(extraArgs);
            if (contender.model() != null) {
                command.addAll(List.of("--model", contender.model()));
            }
        } else {
            if (nginx == null) {
                nginx = Nginx.locate();
            }
            command = Nginx.prepare(nginx, work, site, port);
            config.addAll(Nginx.config(Path.of(command.get(2)), site, port).lines().toList());
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
        try (ServerSocket probe = new ServerSocket(0, 1, java.net.InetAddress.getByName("127.0.0.1"))) {
            return probe.getLocalPort();
        }
    }
}
