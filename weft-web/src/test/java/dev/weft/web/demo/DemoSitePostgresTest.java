package dev.weft.web.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.UserPrincipal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.weft.web.WebServer;
import dev.weft.web.Weft;

/**
 * The demo site on PostgreSQL (what {@code weft serve --db jdbc:postgresql://...} does): a private cluster made with
 * Debian's {@code initdb} in a temp folder on a free port, run as the {@code postgres} user when the tests run as root.
 * Skipped when PostgreSQL's server programs are not installed.
 */
class DemoSitePostgresTest {

    @TempDir
    static Path dir;

    private static Path bin;
    private static Path cluster;
    private static String url;

    @BeforeAll
    static void startPostgres() throws Exception {
        bin = installedBin();
        Assumptions.assumeTrue(bin != null, "needs PostgreSQL's server programs (Debian's postgresql)");
        cluster = dir.resolve("pg");
        Files.createDirectories(cluster);
        boolean root = "root".equals(System.getProperty("user.name"));
        if (root) {
            // the postgres user must reach its folder through JUnit's private temp folder
            Files.setPosixFilePermissions(dir, java.nio.file.attribute.PosixFilePermissions.fromString("rwx--x--x"));
            UserPrincipal postgres = cluster.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName("postgres");
            Files.setOwner(cluster, postgres);
        }
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        run(root, bin.resolve("initdb").toString(), "-D", cluster.resolve("data").toString(), "-A", "trust", "-U", "weft");
        run(root, bin.resolve("pg_ctl").toString(), "-D", cluster.resolve("data").toString(), "-w", "-l",
                cluster.resolve("log").toString(), "-o", "-p " + port + " -k " + cluster + " -c listen_addresses=127.0.0.1", "start");
        url = "jdbc:postgresql://127.0.0.1:" + port + "/postgres?user=weft";
    }

    @AfterAll
    static void stopPostgres() throws Exception {
        if (url != null) {
            run("root".equals(System.getProperty("user.name")), bin.resolve("pg_ctl").toString(), "-D",
                    cluster.resolve("data").toString(), "-m", "immediate", "stop");
        }
    }

    private static WebServer start() throws Exception {
        return Weft.http().dataDir(dir.resolve("data")).databaseUrl(url).routes(new DemoSite()).start(0);
    }

    @Test
    void accountsAndSessionsLiveInPostgresAndSurviveARestart() throws Exception {
        Visitor visitor;
        try (WebServer server = start()) {
            visitor = new Visitor(server.port());
            assertThat(visitor.register("pguser", "pguser@example.com", "correct horse", null, null).statusCode()).isEqualTo(303);
        }
        try (WebServer server = start(); Visitor after = new Visitor(server.port())) {
            after.cookies.putAll(visitor.cookies);
            assertThat(after.get("/profile").body()).contains("pguser, welcome back!");
        }
        visitor.close();
    }

    @Test
    void postgresUniqueConstraintsTellATakenNameFromATakenEmail() throws Exception {
        try (WebServer server = start(); Visitor first = new Visitor(server.port()); Visitor second = new Visitor(server.port());
             Visitor third = new Visitor(server.port())) {
            assertThat(first.register("Unique", "unique@example.com", "correct horse", null, null).statusCode()).isEqualTo(303);
            HttpResponse<String> name = second.register("UNIQUE", "other@example.com", "correct horse", null, null);
            assertThat(name.statusCode()).isEqualTo(409);
            assertThat(name.body()).contains("Sorry, that name is taken.");
            HttpResponse<String> email = third.register("another", "Unique@Example.com", "correct horse", null, null);
            assertThat(email.statusCode()).isEqualTo(409);
            assertThat(email.body()).contains("That email address already has an account.");
        }
    }

    private static Path installedBin() throws IOException {
        Path versions = Path.of("/usr/lib/postgresql");
        if (!Files.isDirectory(versions)) {
            return null;
        }
        try (Stream<Path> found = Files.list(versions)) {
            return found.map(version -> version.resolve("bin")).filter(b -> Files.isExecutable(b.resolve("initdb")))
                    .max(Comparator.comparing(Path::toString)).orElse(null);
        }
    }

    private static void run(boolean asPostgres, String... command) throws Exception {
        List<String> line = new ArrayList<>();
        if (asPostgres) {
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
