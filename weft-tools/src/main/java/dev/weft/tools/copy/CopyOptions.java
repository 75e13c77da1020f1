package dev.weft.tools.copy;

import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Everything one {@code weft copy} run needs, built in one place from the command line. By default the copy keeps
 * modification times (so a rerun with {@code update} can skip what is done) and copies symbolic links as links.
 */
public record CopyOptions(Path source, Path target, Workers workers, boolean verify, boolean update, boolean dryRun,
                          Set<Preserve> preserve, List<String> excludes, boolean followLinks) {

    public CopyOptions {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(workers, "workers");
        preserve = preserve.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(preserve));
        excludes = List.copyOf(excludes);
    }

    /** Copy {@code source} to {@code target} with the defaults. */
    public static CopyOptions of(Path source, Path target) {
        return new CopyOptions(source, target, Workers.defaults(), false, false, false, Set.of(Preserve.TIMES),
                List.of(), false);
    }

    public CopyOptions withWorkers(Workers value) {
        return new CopyOptions(source, target, value, verify, update, dryRun, preserve, excludes, followLinks);
    }

    public CopyOptions withVerify(boolean value) {
        return new CopyOptions(source, target, workers, value, update, dryRun, preserve, excludes, followLinks);
    }

    public CopyOptions withUpdate(boolean value) {
        return new CopyOptions(source, target, workers, verify, value, dryRun, preserve, excludes, followLinks);
    }

    public CopyOptions withDryRun(boolean value) {
        return new CopyOptions(source, target, workers, verify, update, value, preserve, excludes, followLinks);
    }

    public CopyOptions withPreserve(Set<Preserve> value) {
        return new CopyOptions(source, target, workers, verify, update, dryRun, value, excludes, followLinks);
    }

    public CopyOptions withExcludes(List<String> value) {
        return new CopyOptions(source, target, workers, verify, update, dryRun, preserve, value, followLinks);
    }

    public CopyOptions withFollowLinks(boolean value) {
        return new CopyOptions(source, target, workers, verify, update, dryRun, preserve, excludes, value);
    }
}
