package dev.weft.http.files;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import dev.weft.engine.Model;
import dev.weft.engine.ServerConfig;
import dev.weft.engine.WorkerCommand;
import dev.weft.http.HttpServer;

/** {@code ?download=zip|tar.gz}: a folder streamed as an archive, chunked, under every concurrency model. */
class FolderArchiveTest {

    @TempDir
    Path base;
    private Path root;
    private Path outside;
    private HttpServer server;
    private final HttpClient client = HttpClient.newHttpClient();

    static Stream<Model> models() {
        return Model.all().stream();
    }

    @BeforeEach
    void tree() throws IOException {
        root = Files.createDirectories(base.resolve("site"));
        outside = Files.createDirectories(base.resolve("outside"));
        Files.writeString(outside.resolve("passwords.txt"), "do not ship");
        Files.writeString(root.resolve("readme.md"), "# hello\n");
        Files.createDirectories(root.resolve("docs/deep/er"));
        Files.writeString(root.resolve("docs/deep/er/notes.txt"), "x".repeat(10_000));
        byte[] noise = new byte[300_000];
        new java.util.Random(7).nextBytes(noise);
        Files.write(root.resolve("docs/photo.jpg"), noise);
        Files.createDirectories(root.resolve("empty"));
        Files.writeString(root.resolve("docs/.hidden"), "h");
        Files.createDirectories(root.resolve(".git"));
        Files.writeString(root.resolve(".git/config"), "c");
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    private String start(Model model, FileServerOptions options) throws IOException {
        server = HttpServer.start(ServerConfig.builder("HTTP").model(model)
                .workerCommand(WorkerCommand.java(FileServerWorker.class.getName(), port -> List.of(Integer.toString(port), root.toString(), "false")))
                .build(), new FileServer(options));
        return "http://127.0.0.1:" + server.port();
    }

    private String start(Model model) throws IOException {
        return start(model, FileServerOptions.of(root).withListing(true));
    }

    private HttpResponse<InputStream> get(String url) throws IOException, InterruptedException {
        return client.send(HttpRequest.newBuilder(URI.create(url)).build(), BodyHandlers.ofInputStream());
    }

    /** The tree's regular files by path relative to {@code dir}, prefixed with {@code top/}, skipping dotfiles. */
    private static Map<String, String> tree(Path dir, String top) throws IOException {
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.filter(Files::isRegularFile).toList()) {
                String relative = dir.relativize(p).toString();
                if (!relative.startsWith(".") && !relative.contains("/.")) {
                    files.put(top + "/" + relative, digest(Files.readAllBytes(p)));
                }
            }
        }
        return files;
    }

    private static String digest(byte[] bytes) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }

    private static Map<String, String> unzip(InputStream body) throws IOException {
        Map<String, String> files = new TreeMap<>();
        try (ZipInputStream zip = new ZipInputStream(body)) {
            for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                if (!entry.isDirectory()) {
                    files.put(entry.getName(), digest(zip.readAllBytes()));
                }
            }
        }
        return files;
    }

    private static Map<String, String> untar(InputStream body) throws IOException {
        Map<String, String> files = new TreeMap<>();
        try (TarArchiveInputStream tar = new TarArchiveInputStream(new GZIPInputStream(body))) {
            for (TarArchiveEntry entry = tar.getNextEntry(); entry != null; entry = tar.getNextEntry()) {
                if (!entry.isDirectory()) {
                    files.put(entry.getName(), digest(tar.readAllBytes()));
                }
            }
        }
        return files;
    }

    @ParameterizedTest
    @MethodSource("models")
    void aZipOfAFolderHoldsTheTreesBytesStreamedChunked(Model model) throws Exception {
        HttpResponse<InputStream> response = get(start(model) + "/?download=zip");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/zip");
        assertThat(response.headers().firstValue("Transfer-Encoding")).hasValue("chunked");
        assertThat(response.headers().firstValue("Content-Disposition")).hasValueSatisfying(v -> assertThat(v).contains("filename=\"site.zip\""));
        assertThat(unzip(response.body())).isEqualTo(tree(root, "site")).hasSize(3);
    }

    @ParameterizedTest
    @MethodSource("models")
    void aTarGzOfASubfolderHoldsItsBytes(Model model) throws Exception {
        HttpResponse<InputStream> response = get(start(model) + "/docs/?download=tar.gz");
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/gzip");
        assertThat(untar(response.body())).isEqualTo(tree(root.resolve("docs"), "docs")).containsKey("docs/deep/er/notes.txt");
    }

    @Test
    void aSymlinkOutOfTheRootNeverEntersAnArchiveWhileOneInsideDoes() throws Exception {
        Files.createSymbolicLink(root.resolve("leak.txt"), outside.resolve("passwords.txt"));
        Files.createSymbolicLink(root.resolve("leakdir"), outside);
        Files.createSymbolicLink(root.resolve("docs/readme-link.md"), root.resolve("readme.md"));
        Files.createSymbolicLink(root.resolve("docs/loop"), root);
        String url = start(Model.all().get(0), FileServerOptions.of(root).withListing(true).withFollowSymlinks(true)) + "/?download=";
        Map<String, String> zipped = unzip(get(url + "zip").body());
        Map<String, String> tarred = untar(get(url + "tar.gz").body());
        for (Map<String, String> files : List.of(zipped, tarred)) {
            assertThat(files.keySet()).noneMatch(name -> name.contains("leak") || name.contains("passwords") || name.contains("loop"));
            assertThat(files.get("site/docs/readme-link.md")).isEqualTo(digest("# hello\n".getBytes()));
        }
    }

    @Test
    void dotfilesEnterOnlyWhenHiddenFilesAreServed() throws Exception {
        String url = start(Model.all().get(0), FileServerOptions.of(root).withListing(true).withHidden(true)) + "/?download=zip";
        assertThat(unzip(get(url).body())).containsKeys("site/docs/.hidden", "site/.git/config");
    }

    @Test
    void archivesAreOffWhenListingsAre() throws Exception {
        assertThat(get(start(Model.all().get(0), FileServerOptions.of(root)) + "/docs/?download=zip").statusCode()).isEqualTo(404);
    }

    @Test
    void anUnknownArchiveFormatShowsTheListing() throws Exception {
        HttpResponse<InputStream> response = get(start(Model.all().get(0)) + "/?download=rar");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith("text/html"));
        response.body().close();
    }
}
