package dev.weft.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code weft gui} where no window can open: one line and exit 1, never an AWT stack trace. Run in a child JVM,
 * because whether AWT is headless is decided once per JVM from its environment.
 */
class GuiCommandTest {

    private static final String NO_DISPLAY = "weft: no display found; run it on a desktop or under xvfb-run";

    @TempDir
    Path config;

    @Test
    void withoutADisplayItSaysSoInOneLineAndExitsOne() throws Exception {
        Result result = runGui(null);

        assertThat(result.exit()).isEqualTo(1);
        assertThat(result.output().strip()).isEqualTo(NO_DISPLAY);
    }

    @Test
    void aDisplayThatCannotBeReachedIsNoDisplayToo() throws Exception {
        Result result = runGui(":64999"); // no X server has this number: the socket /tmp/.X11-unix/X64999 is absent

        assertThat(result.exit()).isEqualTo(1);
        assertThat(result.output().strip()).isEqualTo(NO_DISPLAY);
    }

    @Test
    void aScaleOutOfRangeIsAUsageError() {
        StringWriter err = new StringWriter();
        int code = Main.run(new PrintWriter(new StringWriter(), true), new PrintWriter(err, true), "gui", "--scale", "20");

        assertThat(code).isEqualTo(2);
        assertThat(err.toString()).contains("--scale must be between 0.5 and 8, not 20.0");
    }

    private record Result(int exit, String output) {
    }

    private Result runGui(String display) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), Main.class.getName(), "gui", "--config-dir", config.toString())
                .redirectErrorStream(true);
        builder.environment().remove("DISPLAY");
        builder.environment().remove("WAYLAND_DISPLAY");
        if (display != null) {
            builder.environment().put("DISPLAY", display);
        }
        Process child = builder.start();
        String output = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
        return new Result(child.exitValue(), output);
    }
}
