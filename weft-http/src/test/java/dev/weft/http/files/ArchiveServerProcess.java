package dev.weft.http.files;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Path;

import dev.weft.engine.ServerConfig;
import dev.weft.http.HttpServer;

/**
 * A folder server in its own JVM (run with a small -Xmx) for the archive heap test: prints its port, then answers
 * each {@code peak} line on standard input with the heap's peak use in bytes, and stops when input ends.
 */
public final class ArchiveServerProcess {

    private ArchiveServerProcess() {
    }

    public static void main(String[] args) throws Exception {
        try (HttpServer server = HttpServer.start(ServerConfig.builder("HTTP").build(),
                new FileServer(FileServerOptions.of(Path.of(args[0])).withListing(true)))) {
            System.out.println(server.port());
            BufferedReader in = new BufferedReader(new InputStreamReader(System.in));
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                long peak = 0;
                for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
                    if (pool.getType() == MemoryType.HEAP) {
                        peak += pool.getPeakUsage().getUsed();
                    }
                }
                System.out.println(peak);
            }
        }
        System.exit(0);
    }
}
