package dev.weft.tools.ftp;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Which names from a server's listing a mirror writes locally: one plain path segment, nothing that leaves the folder. */
class MirrorNamesTest {

    @Test
    void plainNamesAreSafe() {
        assertThat(Mirror.safe("report.pdf")).isTrue();
        assertThat(Mirror.safe("..hidden")).isTrue();
        assertThat(Mirror.safe("文件.txt")).isTrue();
    }

    @Test
    void namesThatLeaveTheFolderAreRefused() {
        assertThat(Mirror.safe("..")).isFalse();
        assertThat(Mirror.safe(".")).isFalse();
        assertThat(Mirror.safe("../etc/passwd")).isFalse();
        assertThat(Mirror.safe("sub/file")).isFalse();
        assertThat(Mirror.safe("..\\windows")).isFalse();
    }

    @Test
    void emptyNamesAndNulBytesAreRefused() {
        assertThat(Mirror.safe("")).isFalse();
        assertThat(Mirror.safe("a\0b")).isFalse();
    }
}
