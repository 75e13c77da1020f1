package dev.weft.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;

import dev.weft.gui.GuiSettings;
import dev.weft.gui.NoDisplayException;
import dev.weft.gui.WeftGui;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code weft gui}: the desktop app; returns when its window is closed. */
@Command(name = "gui", mixinStandardHelpOptions = true,
        description = {"The desktop app: Hello (the seeds' Tkinter lesson), Chat, Files, Servers and Lab in one window.",
                "Needs a display: run it on a desktop, or under xvfb-run."})
final class GuiCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--config-dir", paramLabel = "DIR",
            description = "Where the window's place and the chat history are kept (default: $XDG_CONFIG_HOME/weft or ~/.config/weft).")
    Path configDir;

    @Option(names = "--scale", paramLabel = "FACTOR", defaultValue = "0",
            description = "Scale text and widgets, e.g. 1.5 or 2 on a HiDPI screen the system does not report (default: follow the system).")
    double scale;

    @Override
    public Integer call() throws InterruptedException {
        if (scale != 0 && (scale < 0.5 || scale > 8)) {
            throw new ParameterException(spec.commandLine(), "--scale must be between 0.5 and 8, not " + scale);
        }
        String version = new WeftCommand.Version().getVersion()[0].replaceFirst("^weft ", "");
        GuiSettings settings = new GuiSettings(configDir != null ? configDir : GuiSettings.defaultConfigDir(), version, scale);
        try {
            return WeftGui.run(settings);
        } catch (NoDisplayException e) {
            throw new CommandFailure(e.getMessage(), e);
        }
    }
}
