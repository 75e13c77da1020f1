package dev.weft.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** weft serve with neither a folder nor --app: the demo site, its database under --data, and its start-up errors. */
class ServeDemoTest {

    @TempDir
    Path work;

    @Test
    void theDemoSiteCreatesItsDatabaseInTheDataFolderOnFirstStart() throws Exception {
        Path data = work.resolve("data");
        StringWriter out = new StringWriter();
        Thread serving = Thread.ofVirtual().start(() -> Main.run(new PrintWriter(out, true), new PrintWriter(new StringWriter(), true),
                "serve", "--port", "0", "--quiet", "--data", data.toString()));
        Pattern line = Pattern.compile("Serving HTTP on 127\\.0\\.0\\.1 port (\\d+)");
        await().atMost(Duration.ofSeconds(30)).until(() -> line.matcher(out.toString()).find());
        Matcher matcher = line.matcher(out.toString());
        assertThat(matcher.find()).isTrue();
        assertThat(out.toString()).contains("accounts and sessions: jdbc:sqlite:" + data.toAbsolutePath().resolve("weft.db"));
        assertThat(data.resolve("weft.db")).isRegularFile();
        HttpCommandsTest.Run register = HttpCommandsTest.weft("get", "http://127.0.0.1:" + matcher.group(1) + "/register");
        assertThat(register.out()).contains("name=\"_csrf\"");
        serving.interrupt();
    }

    @Test
    void aDbThatIsNotAJdbcUrlIsAOneLineError() {
        HttpCommandsTest.Run run = HttpCommandsTest.weft("serve", "--port", "0", "--data", work.toString(), "--db", "postgres://x");
        assertThat(run.code()).isEqualTo(1);
        assertThat(run.err()).startsWith("weft: cannot start the demo site: not a JDBC URL: 'postgres://x'").hasLineCount(1);
    }

    @Test
    void aDataFolderThatIsAFileIsAOneLineError() throws Exception {
        Path file = Files.writeString(work.resolve("file"), "x");
        HttpCommandsTest.Run run = HttpCommandsTest.weft("serve", "--port", "0", "--data", file.toString());
        assertThat(run.code()).isEqualTo(1);
        assertThat(run.err()).isEqualTo("weft: cannot start the demo site: cannot use the data folder: " + file
                + " exists and is not a folder" + System.lineSeparator());
    }
}
