package dev.weft.tools.ftp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class FtpUrlTest {

    @Test
    void withoutUserLogsInAnonymouslyWithAnEmailStylePassword() {
        FtpUrl url = FtpUrl.parse("ftp://ftp.example.org/pub/file.tar.gz");

        assertThat(url.user()).isEqualTo("anonymous");
        assertThat(url.password()).contains("@");
        assertThat(url.port()).isEqualTo(21);
        assertThat(url.path()).isEqualTo("pub/file.tar.gz");
        assertThat(url.fileName()).isEqualTo("file.tar.gz");
    }

    @Test
    void userPasswordAndPathArePercentDecoded() {
        FtpUrl url = FtpUrl.parse("ftp://jo%40home:p%3Ass@127.0.0.1:2121/my%20dir/a%2Bb");

        assertThat(url.user()).isEqualTo("jo@home");
        assertThat(url.password()).isEqualTo("p:ss");
        assertThat(url.port()).isEqualTo(2121);
        assertThat(url.path()).isEqualTo("my dir/a+b");
    }

    @Test
    void pathIsRelativeToTheLoginDirectoryUnlessItStartsWithAnEncodedSlash() {
        assertThat(FtpUrl.parse("ftp://h/etc/x").path()).isEqualTo("etc/x");
        assertThat(FtpUrl.parse("ftp://h/%2Fetc/x").path()).isEqualTo("/etc/x");
        assertThat(FtpUrl.parse("ftp://h").path()).isEmpty();
    }

    @Test
    void ipv6HostLosesItsBracketsButKeepsThemInMessages() {
        FtpUrl url = FtpUrl.parse("ftp://[::1]:2121/");

        assertThat(url.host()).isEqualTo("::1");
        assertThat(url.address()).isEqualTo("[::1]:2121");
    }

    @Test
    void bareHostIsTakenAsAnFtpUrl() {
        assertThat(FtpUrl.parse("127.0.0.1:2121").address()).isEqualTo("127.0.0.1:2121");
    }

    @Test
    void toStringHidesThePassword() {
        assertThat(FtpUrl.parse("ftp://bob:hunter2@h/x").toString()).isEqualTo("ftp://bob@h:21/x");
    }

    @Test
    void rejectsOtherSchemesAndMissingHosts() {
        assertThatThrownBy(() -> FtpUrl.parse("http://h/x")).hasMessage("not an ftp:// URL: http://h/x");
        assertThatThrownBy(() -> FtpUrl.parse("ftp:///x")).hasMessageContaining("no host");
        assertThatThrownBy(() -> FtpUrl.parse("ftp://h:99999/")).hasMessage("FTP port out of range: 99999");
    }
}
