package dev.weft.cli;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.weft.engine.Server;
import sun.misc.Signal;

/**
 * Runs a started server until Ctrl-C or SIGTERM: prints the start-up line (not in a worker), then waits. A stop
 * requested by SIGINT or SIGTERM is a success: the signal starts the stop, and the command returns 0 once the
 * graceful close is done, under every model (the JVM's own handling exits 130 or 143 from a shutdown hook, which is
 * what {@code weft} did before; issue 19.12). A shutdown hook does the same for any other way the JVM ends.
 * With a {@link Drain}, the stop first tells load balancers (a web app's health check turns 503) and keeps serving
 * for the drain's delay before closing.
 */
final class Serving {

    private static final Logger log = LoggerFactory.getLogger(Serving.class);

    /** What a stop does before the graceful close: {@code begin} runs, then serving goes on for {@code delay}. */
    record Drain(Runnable begin, Duration delay) {
        static final Drain NONE = new Drain(() -> { }, Duration.ZERO);
    }

    private Serving() {
    }

    static int untilStopped(Server server, List<String> notes, PrintWriter out) throws InterruptedException {
        return untilStopped(server, Drain.NONE, notes, List.of(), out);
    }

    /**
     * As above, draining first as {@code drain} says, with {@code after} printed below the start-up line (the URLs
     * to open).
     */
    static int untilStopped(Server server, Drain drain, List<String> notes, List<String> after, PrintWriter out)
            throws InterruptedException {
        AtomicBoolean draining = new AtomicBoolean();
        Runnable stop = () -> {
            if (draining.compareAndSet(false, true)) {
                drain.begin().run();
                pause(drain.delay());
            }
            server.close(); // a second close waits for the first
        };
        Runtime.getRuntime().addShutdownHook(Thread.ofPlatform().name("weft-stop-hook").unstarted(stop));
        for (String name : List.of("INT", "TERM")) {
            onSignal(name, stop);
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

    /** The drain delay: serving goes on meanwhile, so this waits for time itself, not for a condition. */
    private static void pause(Duration delay) {
        if (delay.isZero()) {
            return;
        }
        try {
            Thread.sleep(delay);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void onSignal(String name, Runnable stop) {
        try {
            Signal.handle(new Signal(name), signal -> Thread.ofPlatform().name("weft-stop").start(stop));
        } catch (IllegalArgumentException e) {
            // the JVM keeps this signal for itself (-Xrs) or the platform lacks it: the shutdown hook still stops
            log.debug("cannot handle SIG{}: {}", name, e.getMessage());
        }
    }
}
