package dev.weft.http.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * The attributes cache on real files: what it keeps, and that every change the kernel reports drops what it
 * kept. The clock stands still unless a test moves it, so only a reported change can refresh an entry.
 */
@EnabledOnOs(OS.LINUX)
class StatCacheTest {

    private static final Duration RECHECK = Duration.ofSeconds(1);

    @TempDir
    Path temp;
    private Path root;
    private final AtomicLong clock = new AtomicLong();
    private StatCache cache;

    @BeforeEach
    void open() throws IOException {
        root = Files.createDirectories(temp.resolve("site"));
        cache = new StatCache(FileSystems.getDefault().newWatchService(), RECHECK, clock::get);
    }

    @AfterEach
    void close() throws IOException {
        cache.close();
    }

    @Test
    void aFileIsReadOnceAndKept() throws IOException {
        Path file = write("docs/page.html", 10);

        assertThat(cache.attributes(root, file).size()).isEqualTo(10);

        assertThat(cache.keeps(file)).isTrue();
        assertThat(cache.keeps(file.getParent())).isFalse();
    }

    @Test
    void anEditIsSeenWithoutWaitingForTheRecheck() throws IOException {
        Path file = write("docs/page.html", 10);
        cache.attributes(root, file);

        write("docs/page.html", 25);

        await().atMost(Duration.ofSeconds(5)).until(() -> cache.attributes(root, file).size() == 25);
    }

    @Test
    void aDeletedFileIsMissingWithoutWaitingForTheRecheck() throws IOException {
        Path file = write("page.html", 10);
        cache.attributes(root, file);

        Files.delete(file);

        await().atMost(Duration.ofSeconds(5)).until(() -> cache.attributes(root, file) == null);
    }

    @Test
    void aFileReplacedByRenameIsSeenWithoutWaitingForTheRecheck() throws IOException {
        Path file = write("page.html", 10);
        cache.attributes(root, file);

        Path next = write("page.html.tmp", 30);
        Files.move(next, file, java.nio.file.StandardCopyOption.ATOMIC_MOVE);

        await().atMost(Duration.ofSeconds(5)).until(() -> cache.attributes(root, file).size() == 30);
    }

    @Test
    void aFolderMovedAwayTakesWhatWasKeptUnderItAndItsWatches() throws IOException {
        Path file = write("docs/deep/page.html", 10);
        cache.attributes(root, file);

        Files.move(root.resolve("docs"), root.resolve("old"));
        Path again = write("docs/deep/page.html", 40);

        await().atMost(Duration.ofSeconds(5)).until(() -> !cache.keeps(file));
        assertThat(cache.attributes(root, again).size()).isEqualTo(40);
        write("docs/deep/page.html", 50);
        await().atMost(Duration.ofSeconds(5)).until(() -> cache.attributes(root, again).size() == 50);
    }

    @Test
    void aChangeNoWatchCanSeeIsReadAfterTheRecheckInterval() throws IOException {
        Path file = write("page.html", 10);
        Path elsewhere = Files.createLink(temp.resolve("hard-link"), file);
        cache.attributes(root, file);

        Files.writeString(elsewhere, "more", StandardOpenOption.APPEND);

        assertThat(cache.attributes(root, file).size()).isEqualTo(10);
        clock.addAndGet(RECHECK.toNanos());
        assertThat(cache.attributes(root, file).size()).isEqualTo(14);
    }

    @Test
    void aMissingFileIsNeverKeptSoANewOneIsSeenAtOnce() throws IOException {
        Path file = root.resolve("later.html");

        assertThat(cache.attributes(root, file)).isNull();
        assertThat(cache.keeps(file)).isFalse();
        write("later.html", 5);
        assertThat(cache.attributes(root, file).size()).isEqualTo(5);
    }

    @Test
    void aSymlinkIsFollowedButNeverKept() throws IOException {
        Path target = write("target.html", 10);
        Path link = Files.createSymbolicLink(root.resolve("link.html"), target);

        assertThat(cache.attributes(root, link).size()).isEqualTo(10);

        assertThat(cache.keeps(link)).isFalse();
    }

    @Test
    void aFileOutsideTheRootIsNeverKept() throws IOException {
        Path outside = Files.writeString(temp.resolve("outside.html"), "x");

        assertThat(cache.attributes(root, outside).size()).isEqualTo(1);

        assertThat(cache.keeps(outside)).isFalse();
    }

    @Test
    void withoutAWatcherNothingIsKept() throws IOException {
        Path file = write("page.html", 10);
        StatCache unwatched = new StatCache(null, RECHECK, clock::get);

        assertThat(unwatched.attributes(root, file).size()).isEqualTo(10);

        assertThat(unwatched.keeps(file)).isFalse();
    }

    @Test
    void forgettingAFileDropsIt() throws IOException {
        Path file = write("page.html", 10);
        cache.attributes(root, file);

        cache.forget(file);

        assertThat(cache.keeps(file)).isFalse();
    }

    private Path write(String name, int size) throws IOException {
        Path file = root.resolve(name);
        Files.createDirectories(file.getParent());
        return Files.writeString(file, "x".repeat(size));
    }
}
