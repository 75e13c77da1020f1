package dev.weft.gui;

import java.awt.AWTError;
import java.awt.GraphicsEnvironment;
import java.awt.HeadlessException;
import java.awt.Rectangle;
import java.lang.reflect.InvocationTargetException;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

import javax.swing.SwingUtilities;

import com.formdev.flatlaf.FlatLightLaf;

/**
 * Starts the desktop app: checks there is a display to open a window on, sets the look and feel once, and
 * opens the {@link MainWindow} on the event-dispatch thread.
 */
public final class WeftGui {

    private static boolean lookAndFeelSet;

    private WeftGui() {
    }

    /**
     * Opens the window and blocks until the user closes it; returns the exit code (0). Ctrl-C or SIGTERM stop the
     * servers the window started too.
     */
    public static int run(GuiSettings settings) throws NoDisplayException, InterruptedException {
        MainWindow window = open(settings);
        Runtime.getRuntime().addShutdownHook(Thread.ofPlatform().name("weft-gui-shutdown").unstarted(window::closeParts));
        return window.awaitExit();
    }

    /** Opens the window and returns at once; {@link MainWindow#awaitExit()} waits for it to close. */
    public static MainWindow open(GuiSettings settings) throws NoDisplayException {
        checkDisplay();
        AtomicReference<MainWindow> window = new AtomicReference<>();
        Optional<Rectangle> place = new WindowPlace(settings.configDir()).load();
        try {
            SwingUtilities.invokeAndWait(() -> {
                setLookAndFeel(settings.uiScale());
                window.set(MainWindow.show(settings, place));
            });
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while opening the window", e);
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof AWTError || e.getCause() instanceof HeadlessException) {
                throw new NoDisplayException(e.getCause());
            }
            throw new IllegalStateException("cannot open the window: " + Background.describe(e.getCause()), e.getCause());
        }
        return window.get();
    }

    /**
     * Fails with the one-line {@link NoDisplayException} when AWT is headless (no {@code DISPLAY}) or the display
     * named cannot be reached, instead of AWT's {@code HeadlessException} or {@code AWTError} later.
     */
    static void checkDisplay() throws NoDisplayException {
        if (GraphicsEnvironment.isHeadless()) {
            throw new NoDisplayException(null);
        }
        try {
            if (GraphicsEnvironment.getLocalGraphicsEnvironment().getScreenDevices().length == 0) {
                throw new NoDisplayException(null);
            }
        } catch (AWTError | HeadlessException e) {
            throw new NoDisplayException(e);
        } catch (UnsatisfiedLinkError e) {
            throw new NoDisplayException(NoDisplayException.HEADLESS_JAVA, e);
        }
    }

    private static synchronized void setLookAndFeel(double uiScale) {
        if (lookAndFeelSet) {
            return;
        }
        if (uiScale > 0) {
            System.setProperty("flatlaf.uiScale", String.format(Locale.ROOT, "%.2f", uiScale));
        }
        FlatLightLaf.setup();
        lookAndFeelSet = true;
    }
}
