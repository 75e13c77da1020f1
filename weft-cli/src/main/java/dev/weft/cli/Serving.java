package dev.weft.cli;

import java.io.PrintWriter;
import java.util.List;

import dev.weft.engine.TcpServer;
import dev.weft.engine.UdpServer;

/** Runs a started server until Ctrl-C or SIGTERM: prints the start-up line (not in a worker), then waits. */
final class Serving {

    private Serving() {
    }

    static int untilStopped(TcpServer server, List<String> notes, PrintWriter out) throws InterruptedException {
        server.closeOnShutdown();
        announce(notes, server.startupLine(), server.config().worker(), out);
        server.awaitClosed();
        return ExitCode.OK.code();
    }

    static int untilStopped(UdpServer server, List<String> notes, boolean worker, PrintWriter out) throws InterruptedException {
        server.closeOnShutdown();
        announce(notes, server.startupLine(), worker, out);
        server.awaitClosed();
        return ExitCode.OK.code();
    }

    private static void announce(List<String> notes, String startup, boolean worker, PrintWriter out) {
        if (worker) {
            return;
        }
        notes.forEach(out::println);
        out.println(startup + " ...");
        out.flush();
    }
}
