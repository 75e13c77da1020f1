package dev.weft.cli;

import java.io.PrintWriter;
import java.util.List;

import dev.weft.engine.Server;

/** Runs a started server until Ctrl-C or SIGTERM: prints the start-up line (not in a worker), then waits. */
final class Serving {

    private Serving() {
    }

    static int untilStopped(Server server, List<String> notes, PrintWriter out) throws InterruptedException {
        return untilStopped(server, notes, List.of(), out);
    }

    /** As above, with {@code after} printed below the start-up line (the URLs to open). */
    static int untilStopped(Server server, List<String> notes, List<String> after, PrintWriter out) throws InterruptedException {
        server.closeOnShutdown();
        if (!server.config().worker()) {
            notes.forEach(out::println);
            out.println(server.startupLine() + " ...");
            after.forEach(out::println);
            out.flush();
        }
        server.awaitClosed();
        return ExitCode.OK.code();
    }
}
