package dev.weft.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * OpenBSD netcat, the baseline of {@code weft bench files}: found on the PATH, or installed from apt
 * (netcat-openbsd) when missing and running as root. One listener sends a file to the first client
 * and closes ({@code nc -N -l}); the client writes what it reads to a file ({@code nc -d}).
 */
final class Netcat {

    private static final Duration LISTEN_LIMIT = Duration.ofSeconds(10);

    private final Path executable;
    private final String version;

    private Netcat(Path executable, String version) {
        this.executable = executable;
        this.version = version;
    }

    /**
     * The OpenBSD nc on the PATH, installing netcat-openbsd with apt-get when it is missing and this process runs as root.
     *
     * @throws ToolMissingException when it is absent (or another netcat) and cannot be installed
     */
    static Netcat locate() throws IOException, InterruptedException {
        Netcat found = find();
        if (found == null) {
            Tools.aptInstall("netcat-openbsd");
            found = find();
        }
        if (found == null) {
            throw new ToolMissingException("nc (OpenBSD netcat)", "install it with 'apt-get install netcat-openbsd'");
        }
        return found;
    }

    private static Netcat find() throws IOException, InterruptedException {
        Path nc = Tools.onPath("nc");
        if (nc == null) {
            return null;
        }
        String help = Tools.output(List.of(nc.toString(), "-h"), Duration.ofSeconds(5));
        String first = help.lines().findFirst().orElse("");
        return first.startsWith("OpenBSD netcat") ? new Netcat(nc, first) : null;
    }

    /** The first line of {@code nc -h}, e.g. {@code OpenBSD netcat (Debian patchlevel 1.219-1)}. */
    String version() {
        return version;
    }

    /** Starts {@code nc -N -l 127.0.0.1 PORT < file}; returns once it listens (seen in /proc/net/tcp, not by connecting). */
    Process serve(Path file, int port) throws IOException {
        Process listener = new ProcessBuilder(executable.toString(), "-N", "-l", "127.0.0.1", Integer.toString(port))
                .redirectInput(file.toFile()).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        long deadline = System.nanoTime() + LISTEN_LIMIT.toNanos();
        while (!listening(port)) {
            if (!listener.isAlive() || System.nanoTime() > deadline) {
                listener.destroyForcibly();
                throw new IOException("nc did not listen on 127.0.0.1:" + port + " within " + LISTEN_LIMIT.toSeconds() + " s");
            }
            LockSupport.parkNanos(1_000_000);
        }
        return listener;
    }

    /** Runs {@code nc -d 127.0.0.1 PORT > target} until the sender closes; returns the bytes received. */
    long receive(int port, Path target, Duration limit) throws IOException, InterruptedException {
        Process client = new ProcessBuilder(executable.toString(), "-d", "127.0.0.1", Integer.toString(port))
                .redirectOutput(target.toFile()).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        if (!client.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS)) {
            client.destroyForcibly();
            throw new IOException("nc did not finish receiving from 127.0.0.1:" + port + " within " + limit.toSeconds() + " s");
        }
        if (client.exitValue() != 0) {
            throw new IOException("nc exited with status " + client.exitValue() + " receiving from 127.0.0.1:" + port);
        }
        return Files.size(target);
    }

    /** True when /proc/net/tcp has a socket listening on 127.0.0.1:{@code port}. */
    static boolean listening(int port) throws IOException {
        String local = String.format(Locale.ROOT, "0100007F:%04X", port);
        return Files.readAllLines(Path.of("/proc/net/tcp")).stream().skip(1).map(l -> l.trim().split("\\s+"))
                .anyMatch(f -> f.length > 3 && f[1].equals(local) && f[3].equals("0A"));
    }
}
