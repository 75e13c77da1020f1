package dev.weft.http.files;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

import static org.awaitility.Awaitility.await;

import dev.weft.engine.ServerConfig;
import dev.weft.http.HttpServer;
import dev.weft.http.HttpSettings;

/** The listing in Debian's chromium, headless, driven through Selenium as a person would use it. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ListingBrowserTest {

    private static final Path SHOTS = Path.of("target", "screenshots");
    private static final int MAX_BODY = 256 * 1024;

    @TempDir
    Path base;
    private Path root;
    private HttpServer server;
    private ChromeDriver driver;
    private ListingPage page;
    private String url;

    @BeforeAll
    void browser() throws IOException {
        ChromeOptions options = new ChromeOptions();
        options.setBinary("/usr/bin/chromium");
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--no-first-run", "--window-size=1200,900",
                "--user-data-dir=" + Files.createTempDirectory("weft-chromium-"));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new java.io.File("/usr/bin/chromedriver")).usingAnyFreePort().build();
        driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
        page = new ListingPage(driver);
    }

    @AfterAll
    void quit() {
        if (driver != null) {
            driver.quit();
        }
    }

    @BeforeEach
    void serve(@TempDir Path dir) throws IOException {
        root = Files.createDirectories(dir.resolve("shared"));
        write("Zeta.txt", 10, "2024-01-03T00:00:00Z");
        write("alpha.txt", 3000, "2024-01-01T00:00:00Z");
        write("file10.txt", 1, "2024-01-02T00:00:00Z");
        write("file2.txt", 2_500_000, "2024-01-04T00:00:00Z");
        Files.createDirectories(root.resolve("photos/2024"));
        write("photos/2024/beach.jpg", 40_000, "2024-02-01T00:00:00Z");
        server = HttpServer.start(ServerConfig.builder("HTTP").build(), HttpSettings.DEFAULT.withMaxBodySize(MAX_BODY),
                new FileServer(FileServerOptions.of(root).withListing(true).withUpload(true, false).withMkdir(true)));
        url = "http://127.0.0.1:" + server.port() + "/";
    }

    private void write(String name, int size, String modified) throws IOException {
        Path file = root.resolve(name);
        byte[] bytes = new byte[size];
        new java.util.Random(size).nextBytes(bytes);
        Files.write(file, bytes);
        Files.setLastModifiedTime(file, FileTime.from(Instant.parse(modified)));
    }

    @AfterEach
    void stop(TestInfo test) throws IOException {
        Files.createDirectories(SHOTS);
        Files.write(SHOTS.resolve("listing-" + test.getTestMethod().orElseThrow().getName() + ".png"), driver.getScreenshotAs(OutputType.BYTES));
        server.close();
    }

    @Test
    void clickingEachColumnSortsByItThenTheOtherWay() {
        page.open(url);
        assertThat(page.names()).containsExactly("photos", "alpha.txt", "file2.txt", "file10.txt", "Zeta.txt");
        page.sortBy("name");
        assertThat(page.currentQuery()).isEqualTo("sort=name&order=desc");
        assertThat(page.names()).containsExactly("photos", "Zeta.txt", "file10.txt", "file2.txt", "alpha.txt");
        page.sortBy("size");
        assertThat(page.names()).containsExactly("photos", "file2.txt", "alpha.txt", "Zeta.txt", "file10.txt");
        page.sortBy("size");
        assertThat(page.names()).containsExactly("photos", "file10.txt", "Zeta.txt", "alpha.txt", "file2.txt");
        page.sortBy("date");
        assertThat(page.names()).containsExactly("photos", "file2.txt", "Zeta.txt", "file10.txt", "alpha.txt");
        page.sortBy("date");
        assertThat(page.names()).containsExactly("photos", "alpha.txt", "file10.txt", "Zeta.txt", "file2.txt");
    }

    @Test
    void typingInTheFilterShowsOnlyMatchingNames() {
        page.open(url).filter("FILE");
        assertThat(page.names()).containsExactly("file2.txt", "file10.txt");
        page.filter("zz");
        assertThat(page.names()).isEmpty();
        page.filter("");
        assertThat(page.names()).hasSize(5);
    }

    @Test
    void threeUploadedFilesAppearInTheListingAndARefusalIsShown(@TempDir Path picked) throws IOException {
        List<Path> files = List.of(picked.resolve("one.txt"), picked.resolve("two.csv"), picked.resolve("alpha.txt"));
        for (Path file : files) {
            Files.writeString(file, "content of " + file.getFileName());
        }
        Map<String, String> states = page.open(url).upload(files).uploadStates();
        assertThat(states).containsEntry("one.txt", "done: uploaded").containsEntry("two.csv", "done: uploaded");
        assertThat(states.get("alpha.txt")).startsWith("failed: ").contains("exists");
        page.waitForNames(List.of("one.txt", "two.csv"));
        assertThat(root.resolve("two.csv")).hasContent("content of two.csv");
        assertThat(Files.readAllBytes(root.resolve("alpha.txt"))).hasSize(3000);
    }

    @Test
    void aFileOverTheBodyLimitIsRefusedBesideItsName(@TempDir Path picked) throws IOException {
        Path big = picked.resolve("big.bin");
        Files.write(big, new byte[MAX_BODY * 2]);
        Map<String, String> states = page.open(url).upload(List.of(big)).uploadStates();
        assertThat(states.get("big.bin")).startsWith("failed: ").contains("over the limit of " + MAX_BODY);
        assertThat(root.resolve("big.bin")).doesNotExist();
    }

    @Test
    void aNewFolderAppearsInTheListingAndAnExistingNameIsRefused() {
        Map<String, String> states = page.open(url).makeFolder("reports").uploadStates();
        assertThat(states).containsEntry("reports/", "done: folder created");
        page.waitForNames(List.of("reports"));
        assertThat(root.resolve("reports")).isDirectory();
        assertThat(page.makeFolder("photos").uploadStates().get("photos/")).isEqualTo("failed: photos exists");
    }

    @Test
    void theDownloadedZipHoldsTheTreesBytes(@TempDir Path downloads) throws IOException {
        page.open(url).downloadZipInto(downloads);
        Path zip = downloads.resolve("shared.zip");
        await().atMost(Duration.ofSeconds(30)).until(() -> Files.exists(zip) && !hasPartial(downloads));
        Map<String, String> unzipped = new TreeMap<>();
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                if (!entry.isDirectory()) {
                    unzipped.put(entry.getName(), sha(in));
                }
            }
        }
        Map<String, String> tree = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path file : walk.filter(Files::isRegularFile).toList()) {
                try (InputStream in = Files.newInputStream(file)) {
                    tree.put("shared/" + root.relativize(file), sha(in));
                }
            }
        }
        assertThat(unzipped).isEqualTo(tree).hasSize(5);
    }

    private static boolean hasPartial(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.anyMatch(f -> f.getFileName().toString().endsWith(".crdownload"));
        }
    }

    private static String sha(InputStream in) throws IOException {
        try {
            java.security.MessageDigest digest = java.security.MessageDigest.getInstance("SHA-256");
            return java.util.HexFormat.of().formatHex(digest.digest(in.readAllBytes()));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void darkModeRendersWithADarkBackground() throws IOException {
        page.open(url + "photos/").darkMode();
        assertThat(page.backgroundColor()).isEqualTo("rgb(20, 20, 23)");
        Files.createDirectories(SHOTS);
        Files.write(SHOTS.resolve("listing-dark.png"), driver.getScreenshotAs(OutputType.BYTES));
        page.open(url);
        assertThat(page.backgroundColor()).isEqualTo("rgb(20, 20, 23)");
    }
}
