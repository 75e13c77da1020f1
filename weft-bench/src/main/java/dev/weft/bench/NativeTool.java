package dev.weft.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * A command-line program weft is compared with (cp, rsync, wget, aria2c): found on the PATH, or installed with
 * apt-get when it is missing and the harness runs as root; a program that is still missing is left out of the run.
 *
 * @param name       the executable's name
 * @param executable where it was found
 */
public record NativeTool(String name, Path executable) {

    /** {@code exe} on the PATH, installing {@code aptPackage} first when it is missing; empty if still missing. */
    public static Optional<NativeTool> locate(String exe, String aptPackage) throws IOException, InterruptedException {
        Path found = Tools.onPath(exe);
        if (found == null) {
            Tools.aptInstall(aptPackage);
            found = Tools.onPath(exe);
        }
        return Optional.ofNullable(found).map(path -> new NativeTool(exe, path));
    }

    /** The first line of {@code --version}, e.g. {@code cp (GNU coreutils) 9.1}. */
    public String version() throws IOException, InterruptedException {
        String out = Tools.output(List.of(executable.toString(), "--version"), Duration.ofSeconds(5));
        return out.lines().findFirst().orElse(name).trim().replaceAll("\\s+", " ");
    }

    public String path() {
        return executable.toString();
    }
}
