package dev.weft.cli;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.List;

import dev.weft.engine.Server;

/** Runs a started server until Ctrl-C or SIGTERM: prints the start-up line (not in a worker), then waits. */
final class Serving {

    private Serving() {
    }

    static int untilStopped(Server server, List<String> notes, PrintWriter out) throws InterruptedException {
        server.closeOnShutdown();
        return await(server, notes, out);
    }

    /**
     * Like {@link #untilStopped(Server, List, PrintWriter)}, but on Ctrl-C or SIGTERM first runs {@code drain} (a web
     * app's health check turns 503), keeps serving for {@code drainDelay} so load balancers notice, then closes
     * gracefully (in-flight requests finish).
     */
    static int untilStopped(Server server, Runnable drain, Duration drainDelay, List<String> notes, PrintWriter out)
            throws InterruptedException {
        Runtime.getRuntime().addShutdownHook(Thread.ofPlatform().unstarted(() -> {
            drain.run();
            try {
                Thread.sleep(drainDelay);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            server.close();
        }));
        return await(server, notes, out);
    }

    private static int await(Server server, List<String> notes, PrintWriter out) throws InterruptedException {
        if (!server.config().worker()) {
            notes.forEach(out::println);
            out.println(server.startupLine() + " ...");
            out.flush();
        }
        server.awaitClosed();
        return ExitCode.OK.code();
    }
}
