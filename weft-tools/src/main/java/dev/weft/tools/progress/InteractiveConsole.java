package dev.weft.tools.ftp;

import java.io.Console;

/** Whether weft talks to a person at a terminal (progress bars, line editing) or to a pipe. */
public final class InteractiveConsole {

    private InteractiveConsole() {
    }

    /** True when standard input and output are a terminal. */
    public static boolean present() {
        Console console = System.console();
        if (console == null) {
            return false;
        }
        try {
            // Java 22+ returns a Console for redirected streams too and says which with isTerminal()
            return (boolean) Console.class.getMethod("isTerminal").invoke(console);
        } catch (NoSuchMethodException e) {
            return true; // Java 21: a console exists only for a terminal
        } catch (ReflectiveOperationException e) {
            return false;
        }
    }
}
