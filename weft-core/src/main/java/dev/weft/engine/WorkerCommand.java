package dev.weft.engine;

import java.lang.management.ManagementFactory;
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
        List<String> memory = memoryOptions(ManagementFactory.getRuntimeMXBean().getInputArguments());
        return port -> {
            List<String> command = new ArrayList<>(List.of(java));
            command.addAll(memory);
            command.addAll(List.of("-cp", classPath, mainClass));
            command.addAll(args.apply(port));
            return command;
        };
    }

    /**
     * The options among a JVM's {@code arguments} that bound its memory (heap size, direct memory, the collector), which
     * a worker takes from its supervisor: {@code weft serve --model processes} under the launcher's default heap or
     * {@code WEFT_JAVA_OPTS=-Xmx2g} gets the same bound in every worker, not a quarter of the machine each.
     */
    static List<String> memoryOptions(List<String> arguments) {
        return arguments.stream().filter(a -> a.startsWith("-Xmx") || a.startsWith("-Xms") || a.startsWith("-Xmn") || a.startsWith("-Xss")
                || a.startsWith("-XX:MaxHeapSize=") || a.startsWith("-XX:MaxRAMPercentage=")
                || a.startsWith("-XX:InitialRAMPercentage=") || a.startsWith("-XX:NewSize=") || a.startsWith("-XX:MaxNewSize=") || a.startsWith("-XX:MaxDirectMemorySize=")
                || a.matches("-XX:[+-]Use\\w+GC")).toList();
    }
}
