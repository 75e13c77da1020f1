package dev.weft.tools.regex;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * weft's answers against a live CPython's {@code re}, case by case: python3 runs once over all cases (JSON lines in,
 * {@code json.dumps} lines out) and each of weft's JSON answers must be the same bytes.
 */
class PythonConformanceTest {

    @TempDir
    Path dir;

    @Test
    void everyCaseGivesPythonsExactJson() throws Exception {
        assumeTrue(python3() != null, "python3 is not installed");
        List<ConformanceCases.Case> cases = ConformanceCases.all();
        assertThat(cases).hasSizeGreaterThanOrEqualTo(400);
        List<String> python = python(cases);
        List<String> differences = new ArrayList<>();
        for (int i = 0; i < cases.size(); i++) {
            ConformanceCases.Case c = cases.get(i);
            if (ConformanceCases.knownDifference(c)) {
                continue;
            }
            String weft = weft(c);
            if (!weft.equals(python.get(i))) {
                differences.add("case " + i + ": " + PythonJson.dumps(describe(c)) + "\n  python: " + python.get(i)
                        + "\n  weft:   " + weft);
            }
        }
        assertThat(differences).as(differences.size() + " of " + cases.size() + " cases differ").isEmpty();
    }

    static String weft(ConformanceCases.Case c) {
        try {
            PyPattern pattern = PyPattern.compile(c.pattern(), c.flags());
            Replacement replacement = c.fn().substitutes() ? Replacement.parse(c.repl(), pattern) : null;
            GuardedText text = GuardedText.of(c.text(), Duration.ofSeconds(10));
            return PythonJson.dumps(c.fn().apply(pattern, replacement, text, c.max()));
        } catch (RegexSyntaxError e) {
            Map<String, Object> error = new LinkedHashMap<>();
            error.put("error", e.reason());
            error.put("pos", e.position() < 0 ? null : e.position());
            return PythonJson.dumps(error);
        }
    }

    private static Map<String, Object> describe(ConformanceCases.Case c) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("pattern", c.pattern());
        json.put("flags", c.flags());
        json.put("fn", c.fn().pythonName());
        json.put("text", c.text());
        json.put("repl", c.repl());
        json.put("max", c.max());
        return json;
    }

    private List<String> python(List<ConformanceCases.Case> cases) throws IOException, InterruptedException {
        Path script = dir.resolve("re_oracle.py");
        try (InputStream in = getClass().getResourceAsStream("/regex/re_oracle.py")) {
            Files.copy(in, script);
        }
        Process process = new ProcessBuilder(python3(), script.toString())
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        StringBuilder input = new StringBuilder();
        for (ConformanceCases.Case c : cases) {
            input.append(PythonJson.dumps(describe(c))).append('\n');
        }
        Thread feeder = Thread.ofVirtual().start(() -> {
            try (OutputStream out = process.getOutputStream()) {
                out.write(input.toString().getBytes(StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        feeder.join();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("python3 finished").isTrue();
        assertThat(process.exitValue()).as("python3's exit code").isZero();
        List<String> lines = output.lines().toList();
        assertThat(lines).hasSize(cases.size());
        return lines;
    }

    static String python3() {
        for (String path : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            if (Files.isExecutable(Path.of(path, "python3"))) {
                return Path.of(path, "python3").toString();
            }
        }
        return null;
    }
}
