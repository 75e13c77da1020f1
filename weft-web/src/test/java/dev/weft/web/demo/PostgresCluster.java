package dev.weft.web.demo;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A private PostgreSQL cluster for tests: made with Debian's {@code initdb} in a temp folder, started with
 * {@code pg_ctl} on a free loopback port (as the {@code postgres} user when the tests run as root), stopped by
 * {@link #close()}. Shared by weft-web's and weft-cli's tests (weft-web's test jar).
 */
public final class PostgresCluster implements AutoCloseable {

    private final Path bin;
    private final Path cluster;
    private final boolean root;
    private final String url;

    private PostgresCluster(Path bin, Path cluster, boolean root, String url) {
        this.bin = bin;
        this.cluster = cluster;
        this.root = root;
        this.url = url;
    }

    /** PostgreSQL's server programs' folder (the newest installed version), or null when none is installed. */
    public static Path installedBin() throws IOException {
        Path versions = Path.of("/usr/lib/postgresql");
        if (!Files.isDirectory(versions)) {
            return null;
        }
        try (Stream<Path> found = Files.list(versions)) {
            return found.map(version -> version.resolve("bin")).filter(b -> Files.isExecutable(b.resolve("initdb")))
                    .max(Comparator.comparing(Path::toString)).orElse(null);
        }
    }

    /**
     * Makes and starts a cluster under {@code dir} (a JUnit temp folder) with the user {@code weft}, no password.
     *
     * @throws IllegalStateException with the programs' output when initdb or pg_ctl fails
     */
    public static PostgresCluster start(Path dir) throws Exception {
        Path bin = installedBin();
        if (bin == null) {
            throw new IllegalStateException("PostgreSQL's server programs are not installed (Debian's postgresql)");
        }
        Path cluster = dir.resolve("pg");
        Files.createDirectories(cluster);
        boolean root = "root".equals(System.getProperty("user.name"));
        if (root) {
            // the postgres user must reach its folder through JUnit's private temp folder
            Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx--x--x"));
            UserPrincipal postgres = cluster.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName("postgres");
            Files.setOwner(cluster, postgres);
        }
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        PostgresCluster started = new PostgresCluster(bin, cluster, root, "jdbc:postgresql://127.0.0.1:" + port + "/postgres?user=weft");
        started.run(bin.resolve("initdb").toString(), "-D", cluster.resolve("data").toString(), "-A", "trust", "-U", "weft");
        started.run(bin.resolve("pg_ctl").toString(), "-D", cluster.resolve("data").toString(), "-w", "-l",
                cluster.resolve("log").toString(), "-o", "-p " + port + " -k " + cluster + " -c listen_addresses=127.0.0.1"
                        + " -c max_connections=200", "start");
        return started;
    }

    /** The JDBC URL of the cluster's {@code postgres} database as user {@code weft}. */
    public String url() {
        return url;
    }

    @Override
    public void close() throws Exception {
        run(bin.resolve("pg_ctl").toString(), "-D", cluster.resolve("data").toString(), "-m", "immediate", "stop");
    }

    private void run(String... command) throws Exception {
        List<String> line = new ArrayList<>();
        if (root) {
            line.addAll(List.of("runuser", "-u", "postgres", "--"));
        }
        line.addAll(List.of(command));
        Process process = new ProcessBuilder(line).redirectErrorStream(true)
                .redirectOutput(cluster.resolve("commands.log").toFile()).start();
        if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
            process.destroyForcibly();
            throw new IllegalStateException(String.join(" ", line) + " failed:\n" + Files.readString(cluster.resolve("commands.log")));
        }
    }
}
