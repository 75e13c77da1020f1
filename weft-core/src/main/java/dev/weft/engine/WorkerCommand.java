package dev.weft.engine;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;

/**
 * The command line that starts one worker process of a {@link Model.Processes} server, given the port
 * every worker shares. The worker must start the same service with {@link ServerConfig#worker()} true.
 */
@FunctionalInterface
public interface WorkerCommand {

    List<String> command(int port);

    /**
     * A worker that is {@code mainClass} run by this JVM's java binary on this JVM's class path,
     * with the arguments {@code args} gives for the port.
     */
    static WorkerCommand java(String mainClass, IntFunction<List<String>> args) {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String classPath = System.getProperty("java.class.path");
        return port -> {
            List<String> command = new ArrayList<>(List.of(java,
                    "-cp", classPath, mainClass));
            command.addAll(args.apply(port));
            return command;
        };
    }
}
