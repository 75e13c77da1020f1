package dev.weft.gui;

import static org.awaitility.Awaitility.await;

import java.awt.AWTException;
import java.awt.Component;
import java.awt.GraphicsEnvironment;
import java.awt.Point;
import java.awt.Rectangle;
import java.awt.Robot;
import java.awt.event.InputEvent;
import java.awt.event.KeyEvent;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationTargetException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicReference;

import javax.imageio.ImageIO;
import javax.swing.JComponent;
import javax.swing.SwingUtilities;

import org.junit.jupiter.api.Assumptions;

/**
 * Drives the real app in this JVM on the test display (the surefire JVM runs under Xvfb, see
 * {@code src/test/xvfb/bin/java}): reads and sets widgets on the EDT, clicks and types with {@link Robot} so the
 * events travel through the X server like a user's, and saves screenshots under {@code target/screenshots}.
 */
final class GuiDriver implements AutoCloseable {

    static final Path SCREENSHOTS = Path.of("target", "screenshots");

    private final MainWindow window;
    private final Robot robot;

    private GuiDriver(MainWindow window, Robot robot) {
        this.window = window;
        this.robot = robot;
    }

    /** Opens the app with its settings under {@code configDir}; skips the test when there is no display. */
    static GuiDriver open(Path configDir) throws NoDisplayException, AWTException {
        Assumptions.assumeFalse(GraphicsEnvironment.isHeadless(), "no X display (Xvfb missing): GUI tests skipped");
        MainWindow window = WeftGui.open(new GuiSettings(configDir, "test", 0));
        Robot robot = new Robot();
        robot.setAutoWaitForIdle(true);
        GuiDriver driver = new GuiDriver(window, robot);
        await().atMost(Duration.ofSeconds(20)).until(() -> driver.onEdt(() -> window.frame().isShowing()));
        return driver;
    }

    MainWindow window() {
        return window;
    }

    /** Runs {@code task} on the EDT and returns its value. */
    <T> T onEdt(Callable<T> task) {
        AtomicReference<T> value = new AtomicReference<>();
        try {
            SwingUtilities.invokeAndWait(() -> {
                try {
                    value.set(task.call());
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (InvocationTargetException e) {
            throw new IllegalStateException(e.getCause());
        }
        return value.get();
    }

    void edt(Runnable task) {
        onEdt(() -> {
            task.run();
            return null;
        });
    }

    /** Shows the tab with this title, by clicking it. */
    void tab(String title) {
        Rectangle bounds = onEdt(() -> {
            int index = window.tabs().indexOfTab(title);
            Rectangle tab = window.tabs().getBoundsAt(index);
            Point origin = window.tabs().getLocationOnScreen();
            return new Rectangle(origin.x + tab.x, origin.y + tab.y, tab.width, tab.height);
        });
        clickAt(bounds);
        await().atMost(Duration.ofSeconds(15)).until(() -> onEdt(() -> window.tabs().getTitleAt(window.tabs().getSelectedIndex()).equals(title)));
    }

    /** A real mouse click in the middle of {@code component}, scrolled into view first. */
    void click(Component component) {
        await().atMost(Duration.ofSeconds(15)).until(() -> onEdt(component::isShowing));
        if (component instanceof JComponent scrollable) {
            edt(() -> scrollable.scrollRectToVisible(new Rectangle(scrollable.getSize())));
        }
        clickAt(onEdt(() -> new Rectangle(component.getLocationOnScreen(), component.getSize())));
    }

    private void clickAt(Rectangle bounds) {
        robot.mouseMove(bounds.x + bounds.width / 2, bounds.y + bounds.height / 2);
        robot.mousePress(InputEvent.BUTTON1_DOWN_MASK);
        robot.mouseRelease(InputEvent.BUTTON1_DOWN_MASK);
        robot.waitForIdle();
    }

    /** Clicks {@code field} and waits until it has the keyboard focus. */
    void focus(Component field) {
        click(field);
        await().atMost(Duration.ofSeconds(15)).until(() -> onEdt(field::isFocusOwner));
    }

    /** Types {@code text} key by key: lower-case letters, digits, space and the punctuation on unshifted keys. */
    void type(String text) {
        for (char c : text.toCharArray()) {
            int code = KeyEvent.getExtendedKeyCodeForChar(c);
            if (code == KeyEvent.VK_UNDEFINED || Character.isUpperCase(c)) {
                throw new IllegalArgumentException("cannot type '" + c + "' with plain keys");
            }
            key(code);
        }
    }

    /** Presses and releases one key. */
    void key(int code) {
        robot.keyPress(code);
        robot.keyRelease(code);
        robot.waitForIdle();
    }

    /** Presses the keys in order and releases them in reverse: a chord such as Alt+2. */
    void chord(int... codes) {
        for (int code : codes) {
            robot.keyPress(code);
        }
        for (int i = codes.length - 1; i >= 0; i--) {
            robot.keyRelease(codes[i]);
        }
        robot.waitForIdle();
    }

    /** Saves what the window shows as {@code target/screenshots/NAME.png}. */
    Path screenshot(String name) {
        robot.waitForIdle();
        Rectangle bounds = onEdt(() -> new Rectangle(window.frame().getLocationOnScreen(), window.frame().getSize()));
        BufferedImage image = robot.createScreenCapture(bounds);
        try {
            Files.createDirectories(SCREENSHOTS);
            Path file = SCREENSHOTS.resolve(name + ".png");
            ImageIO.write(image, "png", file.toFile());
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Quits (as File &gt; Quit does) and waits until everything is closed. */
    @Override
    public void close() {
        if (!window.exited()) {
            edt(window::quit);
            await().atMost(Duration.ofSeconds(20)).until(window::exited);
        }
    }
}
