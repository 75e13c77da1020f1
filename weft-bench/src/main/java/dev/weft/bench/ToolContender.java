package dev.weft.bench;

import java.nio.file.Path;
import java.util.List;
import java.util.function.BiFunction;

/**
 * One program in a copy or download benchmark and how it is told to turn an input (a tree, a file, a URL list) into
 * a destination that does not exist yet.
 *
 * @param name    the name in reports; {@link #WEFT} is the reference the ratios are taken against
 * @param version the program's version line
 * @param command the command line for (input, destination)
 */
public record ToolContender(String name, String version, BiFunction<Path, Path, List<String>> command) {

    public static final String WEFT = "weft";

    public boolean isWeft() {
        return WEFT.equals(name);
    }

    /** A file name made of the contender's name, for its log. */
    String logName() {
        return name.replaceAll("[^A-Za-z0-9.-]+", "-") + ".log";
    }
}
