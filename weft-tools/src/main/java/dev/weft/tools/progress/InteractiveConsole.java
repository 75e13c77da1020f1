package dev.weft.tools.progress;

import java.io.Console;

/**
 * Whether weft talks to a person at a terminal (progress bars, line editing, a chat prompt) or to a pipe or a log.
 * One answer for every command, so copy, download, ftp, files and chat agree on when to draw.
 */
public final class InteractiveConsole {

    private InteractiveConsole() {
    }

    /** True when standard input and output are a terminal: System.console(), and on JDK 22+ Console.isTerminal(). */
    public static boolean present() {
        Console console = System.console();
        if (console == null) {
            return false;
        }
        try {
            // JDK 22+ returns a Console for redirected streams too and says which with isTerminal()
            return (Boolean) Console.class.getMethod("isTerminal").invoke(console);
        } catch (NoSuchMethodException e) {
            return true; // JDK 21: a console exists only for a terminal
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot ask the console whether it is a terminal", e);
        }
    }
}
