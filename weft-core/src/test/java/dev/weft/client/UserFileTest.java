package dev.weft.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UserFileTest {

    @TempDir
    Path dir;

    private static void save(UserFile file, String text) throws IOException {
        file.write(out -> out.write(text.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void aSymlinkIsWrittenThroughToItsTargetAndStaysALink() throws IOException {
        Path target = Files.writeString(dir.resolve("target.txt"), "old");
        Path link = Files.createSymbolicLink(dir.resolve("link"), target);
        save(UserFile.of(link), "new body");
        assertThat(Files.isSymbolicLink(link)).isTrue();
        assertThat(Files.readString(target)).isEqualTo("new body");
    }

    @Test
    void aDanglingSymlinkCreatesItsTarget() throws IOException {
        Path link = Files.createSymbolicLink(dir.resolve("link"), Path.of("made.txt"));
        save(UserFile.of(link), "body");
        assertThat(Files.isSymbolicLink(link)).isTrue();
        assertThat(Files.readString(dir.resolve("made.txt"))).isEqualTo("body");
    }

    @Test
    void aFifoIsWrittenIntoAndStaysAFifo() throws Exception {
        Path fifo = dir.resolve("fifo");
        assertThat(new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor()).isZero();
        CompletableFuture<byte[]> read = CompletableFuture.supplyAsync(() -> {
            try (InputStream in = Files.newInputStream(fifo)) {
                return in.readAllBytes();
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        UserFile file = UserFile.of(fifo);
        assertThat(file.kind()).isEqualTo(UserFile.Kind.DIRECT);
        save(file, "through the pipe");
        assertThat(new String(read.get(10, TimeUnit.SECONDS), StandardCharsets.UTF_8)).isEqualTo("through the pipe");
        assertThat(Files.isRegularFile(fifo)).isFalse();
        assertThat(Files.exists(fifo)).isTrue();
        try (var files = Files.list(dir)) {
            assertThat(files).containsExactly(fifo);
        }
    }

    @Test
    void aDashIsStandardOutput() throws IOException {
        ByteArrayOutputStream stdout = new ByteArrayOutputStream();
        save(UserFile.of(Path.of("-"), stdout), "to stdout");
        assertThat(stdout.toString(StandardCharsets.UTF_8)).isEqualTo("to stdout");
        try (var files = Files.list(dir)) {
            assertThat(files).isEmpty();
        }
    }

    @Test
    void aNewFileGetsTheUmasksPermissionsNotOwnerOnly() throws IOException {
        Path plain = dir.resolve("plain");
        Files.newOutputStream(plain).close(); // what a plain create gives under this process's umask
        Set<PosixFilePermission> expected = Files.getPosixFilePermissions(plain);
        Path saved = dir.resolve("saved");
        save(UserFile.of(saved), "x");
        assertThat(Files.getPosixFilePermissions(saved)).isEqualTo(expected);
    }

    @Test
    void anExistingFileKeepsItsPermissions() throws IOException {
        Path saved = Files.writeString(dir.resolve("saved"), "old");
        Files.setPosixFilePermissions(saved, PosixFilePermissions.fromString("rw-r-----"));
        save(UserFile.of(saved), "new");
        assertThat(Files.readString(saved)).isEqualTo("new");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(saved))).isEqualTo("rw-r-----");
    }

    @Test
    void aFailedWriteLeavesTheTargetUntouchedAndNoTempFile() throws IOException {
        Path saved = Files.writeString(dir.resolve("saved"), "old");
        assertThatThrownBy(() -> UserFile.of(saved).write(out -> {
            out.write(1);
            throw new IOException("connection reset");
        })).hasMessage("connection reset");
        assertThat(Files.readString(saved)).isEqualTo("old");
        try (var files = Files.list(dir)) {
            assertThat(files).containsExactly(saved);
        }
    }

    @Test
    void aMissingFolderIsOneLineNamingTheFileNotATempName() {
        Path named = dir.resolve("nonexistent/dir/x.json");
        assertThatThrownBy(() -> UserFile.of(named))
                .isInstanceOf(LocalFileException.class)
                .hasMessage("cannot write " + named + ": no such directory");
    }

    @Test
    void aDirectoryIsRefused() {
        assertThatThrownBy(() -> UserFile.of(dir)).hasMessage("cannot write " + dir + ": is a directory");
    }

    @Test
    void aReadOnlyFolderSaysPermissionDenied() throws IOException {
        Path folder = Files.createDirectory(dir.resolve("ro"));
        Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("r-x------"));
        org.junit.jupiter.api.Assumptions.assumeFalse(Files.isWritable(folder), "running as root");
        Path named = folder.resolve("x");
        assertThatThrownBy(() -> save(UserFile.of(named), "x")).hasMessage("cannot write " + named + ": permission denied");
    }

    @Test
    void aTooLongNameSaysSo() {
        Path named = dir.resolve("n".repeat(300));
        assertThatThrownBy(() -> save(UserFile.of(named), "x")).hasMessage("cannot write " + named + ": name too long");
    }

    @Test
    void aStagedFileIsCopiedIntoAFifoAndDeleted() throws Exception {
        Path fifo = dir.resolve("fifo");
        assertThat(new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor()).isZero();
        CompletableFuture<byte[]> read = CompletableFuture.supplyAsync(() -> {
            try (InputStream in = Files.newInputStream(fifo)) {
                return in.readAllBytes();
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        UserFile file = UserFile.of(fifo);
        Path staged = Files.writeString(file.staging(".part"), "staged");
        file.place(staged);
        assertThat(new String(read.get(10, TimeUnit.SECONDS), StandardCharsets.UTF_8)).isEqualTo("staged");
        assertThat(staged).doesNotExist();
    }
}
