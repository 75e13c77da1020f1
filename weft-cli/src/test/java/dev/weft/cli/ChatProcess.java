package dev.weft.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.awaitility.Awaitility.await;

/** {@code weft chat} run as its own process with stdin and stdout piped, as a script would run it. */
final class ChatProcess implements AutoCloseable {

    static final Duration WAIT = Duration.ofSeconds(20);
    private static final Pattern PORT = Pattern.compile("Chatting on \\S+ port (\\d+)");

    final List<String> out = new CopyOnWriteArrayList<>();
    final List<String> err = new CopyOnWriteArrayList<>();
    private final Process process;
    private final Writer in;

    private ChatProcess(Process process) {
        this.process = process;
        this.in = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
        collect(process.getInputStream(), out);
        collect(process.getErrorStream(), err);
    }

    static ChatProcess start(String... args) throws IOException {
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> command = new ArrayList<>(List.of(java, "-cp", classpath, Main.class.getName(), "chat"));
        command.addAll(List.of(args));
        return new ChatProcess(new ProcessBuilder(command).start());
    }

    private static void collect(java.io.InputStream stream, List<String> lines) {
        Thread.ofVirtual().start(() -> {
            try (BufferedReader reader = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
                for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                    lines.add(line);
                }
            } catch (IOException e) {
                lines.add("(reading failed: " + e + ")");
            }
        });
    }

    /** The port from the start-up line, once it is printed. */
    int port() {
        await().atMost(WAIT).until(() -> err.stream().anyMatch(l -> PORT.matcher(l).find()) || !process.isAlive());
        return err.stream().map(PORT::matcher).filter(Matcher::find).findFirst()
                .map(m -> Integer.parseInt(m.group(1)))
                .orElseThrow(() -> new AssertionError("no start-up line; stderr: " + err));
    }

    void type(String line) throws IOException {
        in.write(line + "\n");
        in.flush();
    }

    void endInput() throws IOException {
        in.close();
    }

    /** Messages printed, without the time stamp. */
    List<String> messages() {
        return out.stream().map(l -> l.replaceFirst("^\\[\\d\\d:\\d\\d:\\d\\d\\] ", "")).toList();
    }

    int exitCode() throws InterruptedException {
        if (!process.waitFor(WAIT.toSeconds(), TimeUnit.SECONDS)) {
            throw new AssertionError("weft chat did not exit; stderr: " + err);
        }
        return process.exitValue();
    }

    @Override
    public void close() {
        process.destroyForcibly();
    }
}
