package dev.weft.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Finding, installing and briefly running the native programs the benchmarks use. */
final class Tools {

    private static final Logger log = LoggerFactory.getLogger(Tools.class);

    private Tools() {
    }

    /** The executable {@code name} on the PATH (or /usr/sbin, where nginx lives), or null. */
    static Path onPath(String name) {
        String path = System.getenv().getOrDefault("PATH", "") + ":/usr/sbin:/usr/local/sbin";
        for (String dir : path.split(":")) {
            if (!dir.isEmpty()) {
                Path candidate = Path.of(dir, name);
                if (Files.isExecutable(candidate)) {
                    return candidate;
                }
            }
        }
        return null;
    }

    /** Installs a Debian package when running as root with apt-get; does nothing otherwise. */
    static void aptInstall(String pkg) throws IOException, InterruptedException {
        if (onPath("apt-get") == null || !"root".equals(System.getProperty("user.name"))) {
            return;
        }
        log.info("installing {} with apt-get", pkg);
        ProcessBuilder install = new ProcessBuilder("sh", "-c",
                "apt-get install -y -qq " + pkg + " || (apt-get update -qq && apt-get install -y -qq " + pkg + ")")
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD);
        install.environment().put("DEBIAN_FRONTEND", "noninteractive");
        Process p = install.start();
        if (!p.waitFor(10, TimeUnit.MINUTES)) {
            p.destroyForcibly();
        }
    }

    /** The combined output of a short command. */
    static String output(List<String> command, Duration limit) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        byte[] out = p.getInputStream().readAllBytes();
        if (!p.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS)) {
            p.destroyForcibly();
        }
        return new String(out, StandardCharsets.UTF_8).strip();
    }
}
