package dev.weft.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The one set of JVM flags every Java server in a benchmark runs with, and the JDK that runs them. */
public final class JvmFlags {

    /** Same heap cap and collector for all; native access allowed so Netty's epoll loads without warnings. */
    public static final List<String> FLAGS = List.of("-Xms64m", "-Xmx512m", "-XX:+UseG1GC",
            "--enable-native-access=ALL-UNNAMED", "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn");

    private JvmFlags() {
    }

    /** {@code java FLAGS -cp CLASSPATH MAIN} with this JDK's java, as a list open to more arguments. */
    public static List<String> command(List<String> flags, String classpath, String mainClass) {
        List<String> command = new ArrayList<>(List.of(java()));
        command.addAll(flags);
        command.addAll(List.of("-cp", classpath, mainClass));
        return command;
    }

    /** The java binary of the JDK running the harness. */
    public static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
