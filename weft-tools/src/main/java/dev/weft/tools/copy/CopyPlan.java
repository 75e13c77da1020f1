package dev.weft.tools.copy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import dev.weft.tools.progress.Outcome;
import dev.weft.tools.progress.Sizes;

/**
 * What a copy will do, decided before any byte moves: the directories to create (parents first), the files and links to
 * write, the files already up to date, and the entries that cannot be copied at all (with the reason). Printing it is
 * {@code --dry-run}; running it is {@link Copier#run} ({@link Copier#copy} copies while it walks, without a plan).
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
        Collector plan = new Collector();
        walk(options).accept(plan);
        return new CopyPlan(options, plan.directories, plan.files, plan.links, plan.upToDate, plan.problems);
    }

    /**
     * Checks the source and target now and returns the walk of the source, to be taken into some {@link Findings}.
     *
     * @throws CopyRefused when the source is missing, or the target is the source or lies inside it
     */
    static Consumer<Findings> walk(CopyOptions options) {
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
        if (!options.dryRun()) {
            writable(source, target);
        }
        Path into = target;
        return findings -> TreeScan.walk(options, source, into, findings);
    }

    /**
     * The folder the copy writes into first (the target when it is a directory, else its nearest existing ancestor)
     * must take a new entry: one line before any file, instead of the same failure once per file.
     */
    private static void writable(Path source, Path target) {
        Path folder = Files.isDirectory(target) ? target : target.toAbsolutePath().getParent();
        while (folder != null && !Files.exists(folder, LinkOption.NOFOLLOW_LINKS)) {
            folder = folder.getParent();
        }
        if (folder == null) {
            return;
        }
        if (!Files.isDirectory(folder)) {
            throw new CopyRefused("cannot create folder " + target + ": not a directory: " + folder, source, target);
        }
        try {
            Files.delete(Files.createTempFile(folder, ".weft-probe-", ".tmp"));
        } catch (java.io.IOException e) {
            throw new CopyRefused("cannot write into " + folder + ": " + dev.weft.client.LocalReason.of(e), source, target);
        }
    }

    /** Reports this plan to {@code findings} as a walk would: directories first, then each directory's files. */
    void replay(Findings findings) {
        directories.forEach(findings::directory);
        Map<Path, List<Entry>> byDirectory = new LinkedHashMap<>();
        for (Entry file : files) {
            byDirectory.computeIfAbsent(file.to().getParent(), directory -> new ArrayList<>()).add(file);
        }
        for (List<Entry> directory : byDirectory.values()) {
            for (int from = 0; from < directory.size(); from += TreeScan.BATCH) {
                findings.files(directory.subList(from, Math.min(directory.size(), from + TreeScan.BATCH)));
            }
        }
        links.forEach(findings::link);
        upToDate.forEach(findings::upToDate);
        problems.forEach(findings::problem);
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

    /** The findings of a walk, kept in lists. */
    private static final class Collector implements Findings {
        final List<Entry> directories = new ArrayList<>();
        final List<Entry> files = new ArrayList<>();
        final List<Entry> links = new ArrayList<>();
        final List<Entry> upToDate = new ArrayList<>();
        final List<Outcome> problems = new ArrayList<>();

        @Override
        public void directory(Entry directory) {
            directories.add(directory);
        }

        @Override
        public void files(List<Entry> batch) {
            files.addAll(batch);
        }

        @Override
        public void link(Entry link) {
            links.add(link);
        }

        @Override
        public void upToDate(Entry entry) {
            upToDate.add(entry);
        }

        @Override
        public void problem(Outcome problem) {
            problems.add(problem);
        }
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
