package dev.weft.tools.copy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import dev.weft.tools.progress.Outcome;
import dev.weft.tools.progress.Sizes;

/**
 * What a copy will do, decided before any byte moves: the directories to create (parents first), the files and links to
 * write, the files already up to date, and the entries that cannot be copied at all (with the reason). Printing it is
 * {@code --dry-run}; running it is {@link Copier#run}.
 */
public record CopyPlan(CopyOptions options, List<Entry> directories, List<Entry> files, List<Entry> links,
                       List<Entry> upToDate, List<Outcome> problems) {

    public CopyPlan {
        directories = List.copyOf(directories);
        files = List.copyOf(files);
        links = List.copyOf(links);
        upToDate = List.copyOf(upToDate);
        problems = List.copyOf(problems);
    }

    /**
     * Checks the source and target and walks the source.
     *
     * @throws CopyRefused when the source is missing, or the target is the source or lies inside it
     */
    public static CopyPlan scan(CopyOptions options) {
        Path source = options.source();
        if (!Files.exists(source, LinkOption.NOFOLLOW_LINKS)) {
            throw new CopyRefused("source does not exist: " + source, source, options.target());
        }
        Path target = options.target();
        if (!Files.isDirectory(source) && Files.isDirectory(target)) {
            target = target.resolve(source.getFileName());
        }
        refuseOverlap(source, target);
        if (Files.isDirectory(source) && Files.exists(target) && !Files.isDirectory(target)) {
            throw new CopyRefused("target exists and is not a directory: " + target, source, target);
        }
        try {
            return TreeScan.walk(options, source, target);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + source + ": " + e.getMessage(), e);
        }
    }

    /** What the plan would do, one line per entry, for {@code --dry-run}. */
    public List<String> actions() {
        List<String> lines = new ArrayList<>();
        files.forEach(file -> lines.add("copy " + file.name() + " (" + Sizes.bytes(file.size()) + ")"));
        links.forEach(link -> lines.add("link " + link.name()));
        upToDate.forEach(entry -> lines.add("skip " + entry.name() + " (up to date)"));
        problems.forEach(problem -> lines.add("fail " + problem.item() + ": " + problem.reason()));
        return lines;
    }

    /** Bytes in the files that will be written. */
    public long bytes() {
        return files.stream().mapToLong(Entry::size).sum();
    }

    private static void refuseOverlap(Path source, Path target) {
        Path from = resolved(source);
        Path to = resolved(target);
        if (from.equals(to)) {
            throw new CopyRefused("target is the source itself, the copy would overwrite it: " + target, source, target);
        }
        if (Files.isDirectory(source) && to.startsWith(from)) {
            throw new CopyRefused("target " + target + " is inside the source " + source
                    + ", the copy would copy itself", source, target);
        }
        if (Files.isDirectory(source) && from.startsWith(to)) {
            throw new CopyRefused("source " + source + " is inside the target " + target
                    + ", the copy could overwrite the source", source, target);
        }
    }

    /** The real path of {@code path}, or of its nearest existing ancestor with the rest appended (symlinks resolved). */
    private static Path resolved(Path path) {
        Path absolute = path.toAbsolutePath().normalize();
        Path existing = absolute;
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        if (existing == null) {
            return absolute;
        }
        try {
            return existing.toRealPath().resolve(existing.relativize(absolute));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot resolve " + path + ": " + e.getMessage(), e);
        }
    }
}
