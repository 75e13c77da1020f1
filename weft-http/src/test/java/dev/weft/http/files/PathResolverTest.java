package dev.weft.http.files;

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

import dev.weft.http.HttpProtocolException;

class PathResolverTest {

    @TempDir
    Path base;
    Path root;

    @BeforeEach
    void tree() throws IOException {
        root = Files.createDirectories(base.resolve("root"));
        Files.writeString(base.resolve("secret.txt"), "outside");
        Files.writeString(root.resolve("a.txt"), "inside");
        Files.writeString(root.resolve(".env"), "hidden");
        Files.createDirectories(root.resolve("sub"));
        Files.createSymbolicLink(root.resolve("out-link"), base.resolve("secret.txt"));
        Files.createSymbolicLink(root.resolve("in-link"), root.resolve("a.txt"));
    }

    private PathResolver resolver(boolean hidden, boolean follow) throws IOException {
        return new PathResolver(root, hidden, follow);
    }

    @Test
    void plainAndEncodedPathsResolveUnderTheRoot() throws IOException {
        assertThat(resolver(false, false).resolve("/a.txt")).isEqualTo(root.resolve("a.txt"));
        assertThat(resolver(false, false).resolve("/%61.txt")).isEqualTo(root.resolve("a.txt"));
        assertThat(resolver(false, false).resolve("/sub//")).isEqualTo(root.resolve("sub"));
        assertThat(resolver(false, false).resolve("/")).isEqualTo(root);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/../secret.txt", "/sub/../../secret.txt", "/%2e%2e/secret.txt", "/%2E%2E/secret.txt",
            "/sub/%2e%2e/%2e%2e/secret.txt", "/..%2fsecret.txt", "/..%2Fsecret.txt", "/..%5csecret.txt",
            "/..\\secret.txt", "/a.txt%00.html", "/./a.txt", "/sub/%2e/../a.txt", "/.env", "/%2eenv", "/out-link"})
    void escapesDotfilesAndOutsideLinksResolveToNothing(String raw) throws IOException {
        assertThat(resolver(false, false).resolve(raw)).isNull();
    }

    @Test
    void dotfilesResolveWhenHiddenFilesAreAllowed() throws IOException {
        assertThat(resolver(true, false).resolve("/.env")).isEqualTo(root.resolve(".env"));
        assertThat(resolver(true, false).resolve("/..")).isNull();
    }

    @Test
    void linksInsideTheRootAlwaysResolveAndOutsideOnesOnlyWhenFollowed() throws IOException {
        assertThat(resolver(false, false).resolve("/in-link")).isEqualTo(root.resolve("in-link"));
        assertThat(resolver(false, true).resolve("/out-link")).isEqualTo(root.resolve("out-link"));
    }

    @Test
    void malformedEncodingIsABadRequest() {
        assertThatThrownBy(() -> resolver(false, false).resolve("/%zz"))
                .isInstanceOf(HttpProtocolException.class)
                .satisfies(e -> assertThat(((HttpProtocolException) e).status()).isEqualTo(400));
        assertThatThrownBy(() -> resolver(false, false).resolve("a.txt")).isInstanceOf(HttpProtocolException.class);
    }
}
