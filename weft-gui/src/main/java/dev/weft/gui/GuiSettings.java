package dev.weft.gui;

import java.nio.file.Path;
import java.util.Objects;

/**
 * What the desktop app is started with.
 *
 * @param configDir where the window's place and the chat history are kept (created when missing)
 * @param version   weft's version, for Help &gt; About
 * @param uiScale   the text and widget scale (1.0 normal, 2.0 for a HiDPI screen the system does not report), or
 *                  0 to let FlatLaf follow the system
 */
public record GuiSettings(Path configDir, String version, double uiScale) {

    public GuiSettings {
        Objects.requireNonNull(configDir, "configDir");
        Objects.requireNonNull(version, "version");
        if (uiScale != 0 && (uiScale < 0.5 || uiScale > 8)) {
            throw new IllegalArgumentException("the scale must be between 0.5 and 8, not " + uiScale);
        }
    }

    /** {@code $XDG_CONFIG_HOME/weft}, else {@code ~/.config/weft}. */
    public static Path defaultConfigDir() {
        String xdg = System.getenv("XDG_CONFIG_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".config");
        return base.resolve("weft");
    }

    /** The chat history file offered by default. */
    public Path chatHistory() {
        return configDir.resolve("chat-history.txt");
    }
}
