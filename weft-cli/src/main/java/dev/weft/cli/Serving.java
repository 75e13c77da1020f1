package dev.weft.cli;

import java.io.PrintWriter;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.weft.engine.Server;
import sun.misc.Signal;

/**
 * Runs a started server until Ctrl-C or SIGTERM: prints the start-up line (not in a worker), then waits. A stop
 * requested by SIGINT or SIGTERM is a success: the signal starts the graceful close, and the command returns 0
 * once it is done, under every model (the JVM's own handling exits 130 or 143 from a shutdown hook, which is
 * what {@code weft} did before; issue 19.12). The hook stays for any other way the JVM ends.
 */
final class Serving {

    private static final Logger log = LoggerFactory.getLogger(Serving.class);

    private Serving() {
    }

    static int untilStopped(Server server, List<String> notes, PrintWriter out) throws InterruptedException {
        return untilStopped(server, notes, List.of(), out);
    }

    /** As above, with {@code after} printed below the start-up line (the URLs to open). */
    static int untilStopped(Server server, List<String> notes, List<String> after, PrintWriter out) throws InterruptedException {
        server.closeOnShutdown();
        for (String name : List.of("INT", "TERM")) {
            onSignal(name, server);
        }
        if (!server.config().worker()) {
            notes.forEach(out::println);
            out.println(server.startupLine() + " ...");
            after.forEach(out::println);
            out.flush();
        }
        server.awaitClosed();
        return ExitCode.OK.code();
    }

    private static void onSignal(String name, Server server) {
        try {
            Signal.handle(new Signal(name), signal -> Thread.ofPlatform().name("weft-stop").start(server::close));
        } catch (IllegalArgumentException e) {
            // the JVM keeps this signal for itself (-Xrs) or the platform lacks it: the shutdown hook still closes
            log.debug("cannot handle SIG{}: {}", name, e.getMessage());
        }
    }
}
