package dev.weft.gui;

import java.awt.GraphicsEnvironment;
import java.awt.Rectangle;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import java.util.Properties;

/**
 * Where the window was and how big, kept in {@code window.properties} under the config folder so the app opens
 * where the user left it. Written to a temp file and moved into place; a place that no longer fits on any screen
 * (a monitor was unplugged) is ignored.
 */
final class WindowPlace {

    static final String FILE = "window.properties";

    private final Path file;

    WindowPlace(Path configDir) {
        this.file = configDir.resolve(FILE);
    }

    /** The saved bounds when they are readable and still on a screen. */
    Optional<Rectangle> load() {
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        Properties properties = new Properties();
        try (InputStream in = Files.newInputStream(file)) {
            properties.load(in);
            Rectangle bounds = new Rectangle(number(properties, "x"), number(properties, "y"),
                    number(properties, "width"), number(properties, "height"));
            return bounds.width >= 200 && bounds.height >= 150 && onScreen(bounds) ? Optional.of(bounds) : Optional.empty();
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    void save(Rectangle bounds) throws IOException {
        Properties properties = new Properties();
        properties.setProperty("x", Integer.toString(bounds.x));
        properties.setProperty("y", Integer.toString(bounds.y));
        properties.setProperty("width", Integer.toString(bounds.width));
        properties.setProperty("height", Integer.toString(bounds.height));
        Files.createDirectories(file.getParent());
        Path temp = Files.createTempFile(file.getParent(), "." + FILE, ".tmp");
        try {
            try (OutputStream out = Files.newOutputStream(temp)) {
                properties.store(out, "weft gui window");
            }
            Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    private static int number(Properties properties, String key) {
        return Integer.parseInt(properties.getProperty(key, "").trim());
    }

    private static boolean onScreen(Rectangle bounds) {
        for (var device : GraphicsEnvironment.getLocalGraphicsEnvironment().getScreenDevices()) {
            if (device.getDefaultConfiguration().getBounds().intersects(bounds)) {
                return true;
            }
        }
        return false;
    }
}
