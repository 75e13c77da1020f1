package dev.weft.tools.regex;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;

/** {@link RegexRun} and {@link LineReader}: line splitting, long lines, and matches that cannot finish. */
class RegexRunTest {

    @Test
    void tooDeepARecursionIsReportedWithTheLineNotThrownAsAnError() throws Exception {
        RegexRequest request = request("(?:a|b)*c", RegexFunction.SEARCH);
        StringWriter out = new StringWriter();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread small = Thread.ofPlatform().stackSize(256 * 1024).unstarted(() -> {
            try {
                new RegexRun(request, out, new PrintWriter(new StringWriter()))
                        .input("deep.txt", new ByteArrayInputStream(("x\n" + "ab".repeat(200_000) + "\n")
                                .getBytes(StandardCharsets.UTF_8)), false);
            } catch (Throwable e) {
                failure.set(e);
            }
        });
        small.start();
        small.join();
        assertThat(failure.get()).isInstanceOf(RegexRunFailure.class)
                .hasMessageStartingWith("deep.txt line 2: the match recursed too deeply on this input");
    }

    @Test
    void linesLongerThanTheBufferArriveWhole() throws Exception {
        String longLine = "\u4e2d".repeat(300_000);
        byte[] bytes = ("a\n" + longLine + "\nlast").getBytes(StandardCharsets.UTF_8);
        List<String> lines = new ArrayList<>();
        new LineReader(new ByteArrayInputStream(bytes))
                .lines(new byte[0], 0, (buffer, start, end, number) -> lines.add(new String(buffer, start, end - start)));
        assertThat(lines).containsExactly("a", longLine, "last");
    }

    @Test
    void aMultiByteCharacterSplitAcrossReadsDecodesWhole() throws Exception {
        byte[] bytes = "x".repeat(64 * 1024 - 1).concat("\u00e9\n").getBytes(StandardCharsets.UTF_8);
        List<String> lines = new ArrayList<>();
        LineReader reader = new LineReader(new ByteArrayInputStream(bytes));
        reader.lines(new byte[0], 0, (buffer, start, end, number) -> lines.add(new String(buffer, start, end - start)));
        assertThat(lines).hasSize(1);
        assertThat(lines.get(0)).endsWith("x\u00e9");
        assertThat(reader.invalidBytes()).isZero();
    }

    private static RegexRequest request(String pattern, RegexFunction function) throws RegexSyntaxError {
        return new RegexRequest(PyPattern.compile(pattern, 0), function, null, 0, false, false, false, false, false,
                false, Duration.ofSeconds(10));
    }
}
