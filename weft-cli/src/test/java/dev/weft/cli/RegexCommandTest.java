package dev.weft.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code weft regex} as a user runs it: on a text, on standard input and files line by line, and its failures. */
class RegexCommandTest {

    @TempDir
    Path dir;

    @Test
    void findallOnATextPrintsWhatPythonPrints() {
        StdinCommandRun run = StdinCommandRun.of("regex", "--findall", "(the).*?(123)", "--text", "bitethe dog the123");
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).isEqualTo("[('the', '123')]\n");
    }

    @Test
    void jsonIsByteForByteWhatPythonsJsonDumpsPrints() throws Exception {
        assumeTrue(python3() != null, "python3 is not installed");
        String pattern = "(?P<word>\\w+)\\s*(?P<num>\\d+)?";
        String text = "中文 12 naïve 😀 x";
        List<String> functions = List.of("search", "findall", "finditer", "split");
        StringBuilder weft = new StringBuilder();
        for (String function : functions) {
            weft.append(StdinCommandRun.of("regex", "--json", "--" + function, pattern, "--text", text).out());
        }
        String python = python("""
                import json, re, sys
                def plain(r):
                    if hasattr(r, 'span'):
                        return {'span': list(r.span()), 'group': r.group(0), 'groups': list(r.groups()),
                                'groupdict': r.groupdict()}
                    return [plain(m) for m in r] if isinstance(r, list) else r
                for fn in sys.argv[3:]:
                    r = getattr(re, fn)(sys.argv[1], sys.argv[2])
                    print(json.dumps(plain(list(r) if fn == 'finditer' else r)))
                """, pattern, text, String.join(" ", functions));
        assertThat(weft.toString()).isEqualTo(python);
    }

    @Test
    void subUnderstandsNamedAndNumberedGroupReferences() {
        StdinCommandRun run = StdinCommandRun.of("regex", "--sub", "(\\g<areacode>) \\g<2>-xxxx",
                "\\((?P<areacode>\\d{3})\\) (\\d{3})-(?:\\d{4})", "--text", "(800) 555-1212");
        assertThat(run.out()).isEqualTo("(800) 555-xxxx\n");
    }

    @Test
    void standardInputIsSearchedLineByLineWithLineNumbers() {
        StdinCommandRun run = StdinCommandRun.withInput("中文 line\nfoo bar\n第二行 中文\n", "regex", "-n", "中文");
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).isEqualTo("1:中文 line\n3:第二行 中文\n");
    }

    @Test
    void noMatchingLineExitsWithOneAndPrintsNothing() {
        StdinCommandRun run = StdinCommandRun.withInput("abc\n", "regex", "xyz");
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).isEmpty();
    }

    @Test
    void severalFilesArePrefixedWithTheirNamesAndCountedApart() throws IOException {
        Path a = write("a.log", "ERROR one\nok\nWARN two\n");
        Path b = write("b.log", "fine\nERROR three\n");
        StdinCommandRun run = StdinCommandRun.of("regex", "-c", "ERROR|WARN", a.toString(), b.toString());
        assertThat(run.out().lines()).containsExactly(a + ":2", b + ":1");
    }

    @Test
    void onlyMatchingPrintsEachNonEmptyMatchOnItsLine() throws IOException {
        Path log = write("mail.txt", "to ann@example.com and bob@test.org\nnone here\n");
        StdinCommandRun run = StdinCommandRun.of("regex", "-o", "-n", "\\w+@\\w+\\.\\w+", log.toString());
        assertThat(run.out().lines()).containsExactly("1:ann@example.com", "1:bob@test.org");
    }

    @Test
    void findallOnLinesPrintsGroupsAsPythonTuples() throws IOException {
        Path log = write("mail.txt", "ann@example.com x bob@test.org\n");
        StdinCommandRun run = StdinCommandRun.of("regex", "--findall", "(\\w+)@(\\w+)", log.toString());
        assertThat(run.out().lines()).containsExactly("('ann', 'example')", "('bob', 'test')");
    }

    @Test
    void subRewritesEveryLine() throws IOException {
        Path dates = write("dates.txt", "2/20/91\nno date\n");
        StdinCommandRun run = StdinCommandRun.of("regex", "--sub", "\\2/\\1/\\3",
                "(\\d{1,2})/(\\d{1,2})/(\\d{2}|\\d{4})", dates.toString());
        assertThat(run.out()).isEqualTo("20/2/91\nno date\n");
    }

    @Test
    void aBinaryFileIsSkippedWithANote() throws IOException {
        Path binary = dir.resolve("data.bin");
        Files.write(binary, new byte[] {'E', 'R', 'R', 'O', 'R', 0, 1, 2, '\n'});
        Path text = write("t.log", "ERROR here\n");
        StdinCommandRun run = StdinCommandRun.of("regex", "ERROR", binary.toString(), text.toString());
        assertThat(run.out()).isEqualTo(text + ":ERROR here\n");
        assertThat(run.err()).isEqualTo("weft regex: " + binary + ": binary file skipped\n");
    }

    @Test
    void invalidUtf8IsReadAsReplacementCharactersAndReportedOnce() throws IOException {
        Path bad = dir.resolve("latin1.txt");
        Files.write(bad, "caf\u00e9 ok\nna\u00efve ok\n".getBytes(StandardCharsets.ISO_8859_1));
        StdinCommandRun run = StdinCommandRun.of("regex", "ok", bad.toString());
        assertThat(run.out()).isEqualTo("caf\uFFFD ok\nna\uFFFDve ok\n");
        assertThat(run.err().lines()).containsExactly("weft regex: " + bad
                + ": 2 bytes of invalid UTF-8 read as U+FFFD (the first at byte 3)");
    }

    @Test
    void wholeTakesTheFileAsOneString() throws IOException {
        Path f = write("lines.txt", "\nThe first line\nthe second line\nthe third line\n");
        StdinCommandRun run = StdinCommandRun.of("regex", "--whole", "--findall", "(?s)th.+", f.toString());
        assertThat(run.out()).isEqualTo("['the second line\\nthe third line\\n']\n");
    }

    @Test
    void wholeRefusesAFileAboveItsCap() throws IOException {
        Path big = dir.resolve("big.txt");
        byte[] line = "0123456789abcdef".repeat(64).concat("\n").getBytes(StandardCharsets.US_ASCII);
        try (var out = Files.newOutputStream(big)) {
            for (int i = 0; i < 64 * 1024 + 1; i++) {
                out.write(line);
            }
        }
        StdinCommandRun run = StdinCommandRun.of("regex", "--whole", "x", big.toString());
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err().lines()).containsExactly("weft: regex: " + big + " is larger than 64 MiB, the most "
                + "--whole and --json read into memory: drop --whole (and --json) to read it line by line, or split it");
    }

    @Test
    void aBadPatternIsOneLineWithACaretUnderThePositionAndExitCodeTwo() {
        StdinCommandRun run = StdinCommandRun.of("regex", "ab(c", "--text", "abc");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err().lines()).containsExactly(
                "weft: regex: bad pattern: missing ), unterminated subpattern at position 2", "  ab(c", "    ^");
    }

    @Test
    void theCaretStandsUnderTheBadSpotAfterChineseCharacters() {
        StdinCommandRun run = StdinCommandRun.of("regex", "中文(\\d", "--text", "中文1");
        assertThat(run.err().lines()).containsExactly(
                "weft: regex: bad pattern: missing ), unterminated subpattern at position 2", "  中文(\\d", "      ^");
    }

    @Test
    void javaOnlySyntaxIsRefusedInPythonMode() {
        StdinCommandRun run = StdinCommandRun.of("regex", "\\p{L}+", "--text", "abc");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).startsWith("weft: regex: bad pattern: bad escape \\p at position 0\n");
    }

    @Test
    void javaSyntaxIsTakenUnchangedWithJava() {
        StdinCommandRun run = StdinCommandRun.of("regex", "--java", "--findall", "\\p{L}+", "--text", "ab 12 cd");
        assertThat(run.out()).isEqualTo("['ab', 'cd']\n");
    }

    @Test
    void aPatternStartingWithADashGoesAfterTheDoubleDash() {
        StdinCommandRun run = StdinCommandRun.withInput("a -x b\nnone\n", "regex", "--", "-x");
        assertThat(run.out()).isEqualTo("a -x b\n");
        StdinCommandRun without = StdinCommandRun.withInput("", "regex", "-foo");
        assertThat(without.exitCode()).isEqualTo(2);
        assertThat(without.err()).contains("goes after '--'");
    }

    @Test
    void aMissingFileIsOneLineAndExitCodeOne() {
        StdinCommandRun run = StdinCommandRun.of("regex", "x", dir.resolve("missing.log").toString());
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err().lines()).containsExactly("weft: regex: cannot read '" + dir.resolve("missing.log")
                + "': no such file");
    }

    @Test
    void aRunawayMatchEndsAtTheTimeoutWithAClearMessage() {
        long start = System.nanoTime();
        StdinCommandRun run = StdinCommandRun.of("regex", "--timeout", "1s", "(?:.*){10}x", "--text",
                "a".repeat(40)); // Java's matcher memoizes (a+)+b; counted loops it cannot
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).startsWith("weft: regex: the text: the match ran longer than 1.0 s (--timeout)");
        assertThat(TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - start)).isLessThan(10);
    }

    @Test
    void aLongLineThatRecursesDeeplyMatchesOnTheLargeStack() {
        StdinCommandRun run = StdinCommandRun.withInput("ab".repeat(50_000) + "\n", "regex", "-c",
                "--fullmatch", "(?:a|b)*");
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).isEqualTo("1\n");
    }

    @Test
    void explainPrintsGroupsQuantifiersAndLookarounds() {
        StdinCommandRun run = StdinCommandRun.of("regex", "--explain", "(?P<os>Windows)(?=95|NT)\\d*?");
        assertThat(run.out()).isEqualTo("""
                pattern '(?P<os>Windows)(?=95|NT)\\\\d*?': 1 group
                └─ sequence
                   ├─ group 1 'os'
                   │  └─ sequence
                   │     ├─ char 'W'
                   │     ├─ char 'i'
                   │     ├─ char 'n'
                   │     ├─ char 'd'
                   │     ├─ char 'o'
                   │     ├─ char 'w'
                   │     └─ char 's'
                   ├─ lookahead: the text after must match
                   │  └─ either (2 alternatives, tried in order)
                   │     ├─ sequence
                   │     │  ├─ char '9'
                   │     │  └─ char '5'
                   │     └─ sequence
                   │        ├─ char 'N'
                   │        └─ char 'T'
                   └─ repeat 0 or more times, lazy (as few as possible)
                      └─ \\d a digit
                """);
    }

    private Path write(String name, String content) throws IOException {
        return Files.writeString(dir.resolve(name), content);
    }

    private String python(String script, String pattern, String text, String functions)
            throws IOException, InterruptedException {
        List<String> command = new java.util.ArrayList<>(List.of(python3(), "-c", script, pattern, text));
        command.addAll(List.of(functions.split(" ")));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("PYTHONIOENCODING", "utf-8");
        Process p = builder.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(20, TimeUnit.SECONDS)).isTrue();
        return out;
    }

    private static String python3() {
        for (String path : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            if (Files.isExecutable(Path.of(path, "python3"))) {
                return Path.of(path, "python3").toString();
            }
        }
        return null;
    }
}
