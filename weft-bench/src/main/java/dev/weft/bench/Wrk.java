package dev.weft.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The wrk load generator: found on the PATH, or installed from apt when missing and running as root;
 * run with one thread (the machine's cores are shared with the server) and parsed from its text output.
 */
public final class Wrk {

    private static final Pattern RPS = Pattern.compile("Requests/sec:\\s+([\\d.]+)");
    private static final Pattern LATENCY_LINE = Pattern.compile("Latency\\s+(\\S+)\\s+(\\S+)\\s+(\\S+)");
    private static final Pattern PERCENTILE = Pattern.compile("^\\s*(50|99)(?:\\.\\d+)?%\\s+(\\S+)\\s*$", Pattern.MULTILINE);
    private static final Pattern REQUESTS = Pattern.compile("(\\d+) requests in");
    private static final Pattern SOCKET_ERRORS = Pattern.compile(
            "Socket errors: connect (\\d+), read (\\d+), write (\\d+), timeout (\\d+)");
    private static final Pattern NON_2XX = Pattern.compile("Non-2xx or 3xx responses: (\\d+)");

    private final String executable;

    private Wrk(String executable) {
        this.executable = executable;
    }

    /**
     * The wrk on the PATH, installing it with apt-get when it is missing and this process runs as root.
     *
     * @throws ToolMissingException when wrk is absent and cannot be installed
     */
    public static Wrk locate() throws IOException, InterruptedException {
        Path found = Tools.onPath("wrk");
        if (found == null) {
            Tools.aptInstall("wrk");
            found = Tools.onPath("wrk");
        }
        if (found == null) {
            throw new ToolMissingException("wrk", "install it with 'apt-get install wrk'");
        }
        return new Wrk(found.toString());
    }

    /** wrk's version line, e.g. {@code wrk 4.1.0 [epoll]}. */
    public String version() throws IOException, InterruptedException {
        String out = Tools.output(List.of(executable, "-v"), Duration.ofSeconds(5));
        return out.lines().findFirst().orElse("wrk").replaceAll("\\s+Copyright.*", "").trim();
    }

    /**
     * Drives {@code url} with {@code connections} keep-alive connections for {@code duration} (whole seconds,
     * at least one), with the file-descriptor limit raised to its hard maximum first.
     */
    public WrkResult run(String url, int connections, Duration duration) throws IOException, InterruptedException {
        long seconds = Math.max(1, duration.toSeconds());
        String command = String.format(Locale.ROOT, "ulimit -n \"$(ulimit -Hn)\"; exec %s -t1 -c%d -d%ds --timeout 5s --latency %s",
                executable, connections, seconds, url);
        Process wrk = new ProcessBuilder("sh", "-c", command).redirectErrorStream(true).start();
        byte[] out = wrk.getInputStream().readAllBytes();
        if (!wrk.waitFor(seconds + 30, TimeUnit.SECONDS)) {
            wrk.destroyForcibly();
            throw new IOException("wrk did not finish driving " + url);
        }
        String text = new String(out, StandardCharsets.UTF_8);
        if (wrk.exitValue() != 0) {
            throw new IOException("wrk failed on " + url + ": " + text.strip());
        }
        return parse(text);
    }

    /**
     * Reads wrk's {@code --latency} report.
     *
     * @throws IllegalArgumentException quoting the output when it lacks a figure
     */
    public static WrkResult parse(String text) {
        Matcher latency = LATENCY_LINE.matcher(text);
        double p50 = -1;
        double p99 = -1;
        Matcher percentile = PERCENTILE.matcher(text);
        while (percentile.find()) {
            double value = millis(percentile.group(2));
            if (percentile.group(1).equals("50")) {
                p50 = value;
            } else {
                p99 = value;
            }
        }
        long errors = 0;
        Matcher socket = SOCKET_ERRORS.matcher(text);
        if (socket.find()) {
            for (int i = 1; i <= 4; i++) {
                errors += Long.parseLong(socket.group(i));
            }
        }
        Matcher non2xx = NON_2XX.matcher(text);
        if (non2xx.find()) {
            errors += Long.parseLong(non2xx.group(1));
        }
        Matcher rps = RPS.matcher(text);
        Matcher requests = REQUESTS.matcher(text);
        if (!rps.find() || !requests.find() || !latency.find() || p50 < 0 || p99 < 0) {
            throw new IllegalArgumentException("unexpected wrk output: " + text.strip());
        }
        return new WrkResult(Double.parseDouble(rps.group(1)), p50, p99, millis(latency.group(3)),
                Long.parseLong(requests.group(1)), errors);
    }

    /** A wrk time such as {@code 812.00us}, {@code 1.20ms}, {@code 2.00s} or {@code 1.00m}, in milliseconds. */
    static double millis(String value) {
        Matcher m = Pattern.compile("([\\d.]+)(us|ms|s|m|h)").matcher(value);
        if (!m.matches()) {
            throw new IllegalArgumentException("unexpected wrk time '" + value + "'");
        }
        double n = Double.parseDouble(m.group(1));
        return switch (m.group(2)) {
            case "us" -> n / 1000;
            case "ms" -> n;
            case "s" -> n * 1000;
            case "m" -> n * 60_000;
            default -> n * 3_600_000;
        };
    }
}
