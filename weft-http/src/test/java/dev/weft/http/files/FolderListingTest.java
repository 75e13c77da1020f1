package dev.weft.http.files;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.weft.engine.ServerConfig;
import dev.weft.http.HttpServer;

/** The folder listing people see: order, sorting by query, filtering, sizes, hints. */
class FolderListingTest {

    @TempDir
    Path root;
    private HttpServer server;
    private final HttpClient client = HttpClient.newHttpClient();

    @BeforeEach
    void files() throws IOException {
        write("Zeta.txt", 10, "2024-01-03T00:00:00Z");
        write("alpha.txt", 3000, "2024-01-01T00:00:00Z");
        write("file10.txt", 1, "2024-01-02T00:00:00Z");
        write("file2.txt", 2_500_000, "2024-01-04T00:00:00Z");
        Files.createDirectories(root.resolve("pics"));
        Files.createDirectories(root.resolve("Archive"));
        Files.writeString(root.resolve(".env"), "secret");
    }

    private void write(String name, int size, String modified) throws IOException {
        Path file = root.resolve(name);
        Files.write(file, new byte[size]);
        Files.setLastModifiedTime(file, FileTime.from(Instant.parse(modified)));
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    private String start(FileServerOptions options) throws IOException {
        server = HttpServer.start(ServerConfig.builder("HTTP").build(), new FileServer(options));
        return "http://127.0.0.1:" + server.port();
    }

    private HttpResponse<String> get(String url) throws IOException, InterruptedException {
        return client.send(HttpRequest.newBuilder(URI.create(url)).build(), BodyHandlers.ofString());
    }

    private List<String> names(String url) throws Exception {
        Matcher m = Pattern.compile("data-name=\"([^\"]*)\"").matcher(get(url).body());
        return m.results().map(r -> r.group(1)).toList();
    }

    private String listing() throws IOException {
        return start(FileServerOptions.of(root).withListing(true));
    }

    @Test
    void foldersComeFirstThenNamesInNaturalCaseInsensitiveOrder() throws Exception {
        assertThat(names(listing() + "/")).containsExactly("Archive", "pics", "alpha.txt", "file2.txt", "file10.txt", "Zeta.txt");
    }

    @Test
    void sizeAndDateSortEitherWayWithFoldersStillFirst() throws Exception {
        String base = listing();
        assertThat(names(base + "/?sort=size&order=desc")).containsExactly("pics", "Archive", "file2.txt", "alpha.txt", "Zeta.txt", "file10.txt");
        assertThat(names(base + "/?sort=size")).endsWith("file10.txt", "Zeta.txt", "alpha.txt", "file2.txt");
        assertThat(names(base + "/?sort=date")).endsWith("alpha.txt", "file10.txt", "Zeta.txt", "file2.txt");
        assertThat(names(base + "/?sort=name&order=desc")).containsExactly("pics", "Archive", "Zeta.txt", "file10.txt", "file2.txt", "alpha.txt");
    }

    @Test
    void badSortValuesAreIgnoredNever500() throws Exception {
        String base = listing();
        List<String> plain = names(base + "/");
        for (String query : new String[] {"sort=owner", "sort=", "order=sideways", "sort=size&sort=date&order=", "sort=%00", "sort=../../x"}) {
            HttpResponse<String> response = get(base + "/?" + query);
            assertThat(response.statusCode()).as(query).isEqualTo(200);
        }
        assertThat(names(base + "/?sort=owner&order=sideways")).isEqualTo(plain);
        try (java.net.Socket raw = new java.net.Socket("127.0.0.1", server.port())) {
            raw.getOutputStream().write("GET /?sort=%zz&order=%G0 HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n".getBytes());
            assertThat(new String(raw.getInputStream().readAllBytes())).startsWith("HTTP/1.1 400 ");
        }
    }

    @Test
    void theFilterParameterNarrowsTheListingWithoutJavaScript() throws Exception {
        assertThat(names(listing() + "/?filter=FILE")).containsExactly("file2.txt", "file10.txt");
    }

    @Test
    void sizesAreHumanWithExactBytesInTheTitle() throws Exception {
        String page = get(listing() + "/").body();
        assertThat(page).contains("title=\"3000 bytes\">2.9 KB<").contains("title=\"2500000 bytes\">2.4 MB<").contains(">10 B<");
        assertThat(page).contains("<time datetime=\"2024-01-01T00:00:00Z\">2024-01-01 00:00</time>");
    }

    @Test
    void thePageLinksItsArchivesBreadcrumbsAndSortsAndMakesNoExternalRequest() throws Exception {
        String base = listing();
        Files.createDirectories(root.resolve("pics/2024 trip"));
        String page = get(base + "/pics/2024%20trip/").body();
        assertThat(page).contains("href=\"?download=zip\"").contains("href=\"?download=tar.gz\"")
                .contains("href=\"/pics/\">pics</a>").contains("aria-current=\"page\">2024 trip<")
                .contains("href=\"?sort=size&amp;order=desc\"").contains("prefers-color-scheme:dark")
                .contains("name=\"viewport\"");
        assertThat(page).doesNotContainPattern("(src|href)=\"(https?:)?//");
    }

    @Test
    void dotfilesAreHiddenUnlessAllowed() throws Exception {
        assertThat(names(listing() + "/")).doesNotContain(".env");
        server.close();
        assertThat(names(start(FileServerOptions.of(root).withListing(true).withHidden(true)) + "/")).contains(".env");
    }

    @Test
    void aMissingFile404SaysWhereToLook() throws Exception {
        HttpResponse<String> response = get(listing() + "/pics/nothing.png");
        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.body()).isEqualTo("404 Not Found\nnothing at /pics/nothing.png; the listing of /pics/ shows what is there\n");
    }

    @Test
    void aMissingFolder404PointsToTheNearestFolderThatExists() throws Exception {
        assertThat(get(listing() + "/pics/no/such/file.txt").body()).endsWith("; the listing of /pics/ shows what is there\n");
    }

    @Test
    void aDotfile404SaysDotfilesAreHidden() throws Exception {
        assertThat(get(listing() + "/.env").body()).isEqualTo("404 Not Found\ndotfiles are not served (--hidden serves them)\n");
    }

    @Test
    void aFolder404WithListingsOffSaysSo() throws Exception {
        HttpResponse<String> response = get(start(FileServerOptions.of(root)) + "/pics/");
        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.body()).contains("/pics/ has no index.html, and folder listings are off (--no-list)");
    }

    @Test
    void theJsonListingStaysForScripts() throws Exception {
        HttpResponse<String> response = client.send(HttpRequest.newBuilder(URI.create(listing() + "/?sort=size"))
                .header("Accept", "application/json").build(), BodyHandlers.ofString());
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
        assertThat(response.body()).contains("\"name\":\"alpha.txt\",\"type\":\"file\",\"size\":3000,\"modified\":\"2024-01-01T00:00:00Z\"}")
                .doesNotContain("modifiedMillis");
    }
}
