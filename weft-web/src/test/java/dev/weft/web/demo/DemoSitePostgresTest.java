package dev.weft.web.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Path;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.weft.web.WebServer;
import dev.weft.web.Weft;

/**
 * The demo site on PostgreSQL (what {@code weft serve --db jdbc:postgresql://...} does), on a private
 * {@link PostgresCluster}. Skipped when PostgreSQL's server programs are not installed.
 */
class DemoSitePostgresTest {

    @TempDir
    static Path dir;

    private static PostgresCluster cluster;
    private static String url;

    @BeforeAll
    static void startPostgres() throws Exception {
        Assumptions.assumeTrue(PostgresCluster.installedBin() != null, "needs PostgreSQL's server programs (Debian's postgresql)");
        cluster = PostgresCluster.start(dir);
        url = cluster.url();
    }

    @AfterAll
    static void stopPostgres() throws Exception {
        if (cluster != null) {
            cluster.close();
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
}
