package dev.weft.lab.processes;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Starting another JVM on this one's java binary and class path, and the child's half of the lifetime contract:
 * a child's stdin is a pipe from its parent, and when that pipe ends (the parent exited, crashed or was killed)
 * the child exits too. So no child started here outlives its parent, as the engine's server workers do.
 */
public final class Jvm {

    private Jvm() {
    }

    /** The command line {@code java OPTIONS -cp CLASSPATH MAIN ARGS}, with this JVM's java binary and class path. */
    public static List<String> command(List<String> jvmOptions, Class<?> main, List<String> args) {
        List<String> command = new ArrayList<>();
        command.add(javaBinary());
        command.addAll(jvmOptions);
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(main.getName());
        command.addAll(args);
        return command;
    }

    /** Starts the command with stdin and stdout as pipes to this JVM and stderr discarded. */
    public static Process start(List<String> jvmOptions, Class<?> main, List<String> args) {
        List<String> command = command(jvmOptions, main, args);
        try {
            return new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        } catch (IOException e) {
            throw new ProcessException("cannot start a JVM (" + command.getFirst() + " " + main.getName() + "): "
                    + e.getMessage(), e);
        }
    }

    static String javaBinary() {
        return ProcessHandle.current().info().command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    }

    /** In a child: blocks until stdin ends (the parent closed it or is gone), for a main that only serves. */
    public static void untilParentExits() {
        InputStream in = System.in;
        try {
            while (in.read() >= 0) {
                // nothing is sent; reading only waits for the parent's end of the pipe to close
            }
        } catch (IOException e) {
            // a broken pipe means the parent is gone, as end of stream does
        }
    }

    /**
     * In a child: a daemon thread that reads stdin to its end, then exits the JVM. For children whose stdin carries
     * nothing; a child that reads commands from stdin exits at their end instead.
     */
    public static void exitWithParent() {
        Thread.ofPlatform().daemon().name("weft-lab-parent-watch").start(() -> {
            untilParentExits();
            System.exit(0);
        });
    }
}
