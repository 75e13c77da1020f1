package dev.weft.gui;

import java.util.concurrent.Callable;
import java.util.function.Consumer;

import javax.swing.SwingUtilities;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs slow work (network, disk, an experiment) on a virtual thread and posts its outcome back to the
 * event-dispatch thread, so the window never waits on a socket.
 */
final class Background {

    private static final Logger log = LoggerFactory.getLogger(Background.class);

    private Background() {
    }

    /** Runs {@code work} off the EDT; then {@code done} or {@code failed} runs on the EDT. */
    static <T> Thread run(String name, Callable<T> work, Consumer<T> done, Consumer<Exception> failed) {
        return Thread.ofVirtual().name("weft-gui-" + name).start(() -> {
            try {
                T value = work.call();
                SwingUtilities.invokeLater(() -> done.accept(value));
            } catch (Exception e) {
                log.debug("{} failed", name, e);
                SwingUtilities.invokeLater(() -> failed.accept(e));
            }
        });
    }

    /** A message for the user from a failure: its own message, else its kind. */
    static String describe(Throwable e) {
        String message = e.getMessage();
        return message == null || message.isBlank() ? e.getClass().getSimpleName() : message;
    }
}
