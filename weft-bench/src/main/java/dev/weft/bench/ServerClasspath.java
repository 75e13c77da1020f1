package dev.weft.bench;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The class path the benchmark servers run on: weft-bench's classes plus every runtime dependency,
 * peers included, as weft-bench's build writes it to {@code weft-bench/target/servers.classpath}.
 * Found by walking up from where this class was loaded (weft.jar or weft-bench's classes), or given by
 * the {@code weft.bench.classpath} system property.
 */
public final class ServerClasspath {

    static final String FILE = "weft-bench/target/servers.classpath";

    private ServerClasspath() {
    }

    public static String find() throws IOException {
        String given = System.getProperty("weft.bench.classpath");
        if (given != null && !given.isBlank()) {
            return given;
        }
        Path start;
        try {
            start = Path.of(ServerClasspath.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException | SecurityException e) {
            throw new IOException("cannot tell where weft-bench was loaded from", e);
        }
        for (Path dir = start; dir != null; dir = dir.getParent()) {
            Path file = dir.resolve(FILE);
            if (Files.isRegularFile(file)) {
                Path classes = file.resolveSibling("classes");
                return classes + java.io.File.pathSeparator + Files.readString(file).strip();
            }
        }
        throw new IOException("cannot find " + FILE + " above " + start
                + ": build it with 'mvn -pl weft-bench -am package -DskipTests' in weft's source tree");
    }
}
