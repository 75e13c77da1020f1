package dev.weft.services.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import dev.weft.services.files.FilesException.Code;

/** Every path form that would leave the shared directory is refused; forms that stay inside are served. */
class SharedDirectoryTest {

    @TempDir
    Path temp;

    private Path root;
    private SharedDirectory share;

    @BeforeEach
    void share() throws IOException {
        root = Files.createDirectories(temp.resolve("share"));
        Files.writeString(root.resolve("a.txt"), "a");
        Files.createDirectories(root.resolve("sub"));
        Files.writeString(root.resolve("sub/b.txt"), "b");
        Files.writeString(root.resolve(".hidden"), "h");
        Files.writeString(temp.resolve("secret.txt"), "outside");
        Files.createSymbolicLink(root.resolve("out-file"), temp.resolve("secret.txt"));
        Files.createSymbolicLink(root.resolve("out-dir"), temp);
        Files.createSymbolicLink(root.resolve("in-link"), root.resolve("sub/b.txt"));
        share = SharedDirectory.open(root, false);
    }

    @ParameterizedTest
    @ValueSource(strings = {"..", "../secret.txt", "sub/../../secret.txt", "sub/../a.txt", "./../secret.txt",
            "/etc/passwd", "//etc/passwd", "a.txt\0.png", "..\\secret.txt", "sub\\..\\a.txt", "a\nb",
            "out-file", "out-dir/secret.txt", "out-dir", ".hidden", "sub/.hidden", ".", ""})
    void pathsThatLeaveTheDirectoryAreRefused(String request) {
        assertThatThrownBy(() -> share.file(request))
                .isInstanceOfSatisfying(FilesException.class, e -> {
                    assertThat(e.code()).isIn(Code.FORBIDDEN, Code.NOT_A_FILE);
                    assertThat(e.path()).isEqualTo(request);
                });
    }

    @ParameterizedTest
    @ValueSource(strings = {"a.txt", "./a.txt", "sub/b.txt", "sub//b.txt", "in-link"})
    void pathsInsideTheDirectoryResolveToRealFilesUnderIt(String request) throws FilesException {
        assertThat(share.file(request)).startsWith(share.root()).isRegularFile();
    }

    @Test
    void aMissingFileIsNotFound() {
        assertThatThrownBy(() -> share.file("nope.txt"))
                .isInstanceOfSatisfying(FilesException.class, e -> assertThat(e.code()).isEqualTo(Code.NOT_FOUND));
    }

    @Test
    void aDirectoryIsNotAFile() {
        assertThatThrownBy(() -> share.file("sub"))
                .isInstanceOfSatisfying(FilesException.class, e -> assertThat(e.code()).isEqualTo(Code.NOT_A_FILE));
    }

    @Test
    void theRootIsTheDirectoryOfTheEmptyPath() throws FilesException {
        assertThat(share.directory("")).isEqualTo(share.root());
        assertThat(share.directory(".")).isEqualTo(share.root());
    }

    @Test
    void listingsHideHiddenNamesAndLinksOutOfTheDirectory() {
        assertThat(share.listable(root.resolve("a.txt"))).isTrue();
        assertThat(share.listable(root.resolve("in-link"))).isTrue();
        assertThat(share.listable(root.resolve(".hidden"))).isFalse();
        assertThat(share.listable(root.resolve("out-file"))).isFalse();
        assertThat(share.listable(root.resolve("out-dir"))).isFalse();
    }

    @Test
    void uploadTargetsMustBeInAnExistingDirectoryInside() throws FilesException {
        assertThat(share.uploadTarget("sub/new.txt")).isEqualTo(share.root().resolve("sub/new.txt"));
        assertThatThrownBy(() -> share.uploadTarget("missing/new.txt")).isInstanceOf(FilesException.class);
        assertThatThrownBy(() -> share.uploadTarget("out-dir/new.txt"))
                .isInstanceOfSatisfying(FilesException.class, e -> assertThat(e.code()).isEqualTo(Code.FORBIDDEN));
        assertThatThrownBy(() -> share.uploadTarget("sub"))
                .isInstanceOfSatisfying(FilesException.class, e -> assertThat(e.code()).isEqualTo(Code.NOT_A_FILE));
    }

    @Test
    void sharingSomethingThatIsNotADirectoryFailsNamingIt() {
        assertThatThrownBy(() -> SharedDirectory.open(root.resolve("a.txt"), false))
                .hasMessage("not a directory: " + root.resolve("a.txt"));
    }
}
