package dev.weft.tools.copy;

import java.io.IOException;
import java.nio.file.FileVisitOption;
import java.nio.file.FileVisitResult;
import java.nio.file.FileVisitor;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import dev.weft.tools.progress.Outcome;

/**
 * One walk of the source tree that sorts every entry into the plan: excluded entries are left out, special files and
 * unreadable directories become problems, and with {@code --update} files whose size and modification time already
 * match the target are set aside.
 */
final class TreeScan implements FileVisitor<Path> {

    private final CopyOptions options;
    private final Path source;
    private final Path target;
    private final Exclusions exclusions;
    private final List<Entry> directories = new ArrayList<>();
    private final List<Entry> files = new ArrayList<>();
    private final List<Entry> links = new ArrayList<>();
    private final List<Entry> upToDate = new ArrayList<>();
    private final List<Outcome> problems = new ArrayList<>();

    private TreeScan(CopyOptions options, Path source, Path target) {
        this.options = options;
        this.source = source;
        this.target = target;
        this.exclusions = Exclusions.of(options.excludes());
    }

    static CopyPlan walk(CopyOptions options, Path source, Path target) throws IOException {
        TreeScan scan = new TreeScan(options, source, target);
        Set<FileVisitOption> follow = options.followLinks() ? EnumSet.of(FileVisitOption.FOLLOW_LINKS) : Set.of();
        Files.walkFileTree(source, follow, Integer.MAX_VALUE, scan);
        return new CopyPlan(options, scan.directories, scan.files, scan.links, scan.upToDate, scan.problems);
    }

    @Override
    public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attributes) {
        Path relative = source.relativize(dir);
        if (!relative.toString().isEmpty() && exclusions.excludes(relative)) {
            return FileVisitResult.SKIP_SUBTREE;
        }
        directories.add(entry(Entry.Kind.DIRECTORY, dir, attributes));
        return FileVisitResult.CONTINUE;
    }

    @Override
    public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
        Path relative = source.relativize(file);
        if (!relative.toString().isEmpty() && exclusions.excludes(relative)) {
            return FileVisitResult.CONTINUE;
        }
        try {
            sort(file, attributes);
        } catch (IOException e) {
            problems.add(Outcome.failed(name(file), e));
        }
        return FileVisitResult.CONTINUE;
    }

    private void sort(Path file, BasicFileAttributes attributes) throws IOException {
        if (attributes.isSymbolicLink()) {
            Entry link = entry(Entry.Kind.LINK, file, attributes);
            (options.update() && sameLink(link) ? upToDate : links).add(link);
        } else if (attributes.isRegularFile()) {
            Entry regular = entry(Entry.Kind.FILE, file, attributes);
            (options.update() && sameFile(regular) ? upToDate : files).add(regular);
        } else {
            problems.add(Outcome.failed(name(file), "not a regular file, directory or link"));
        }
    }

    @Override
    public FileVisitResult visitFileFailed(Path file, IOException e) {
        problems.add(Outcome.failed(name(file), e));
        return FileVisitResult.CONTINUE;
    }

    @Override
    public FileVisitResult postVisitDirectory(Path dir, IOException e) {
        if (e != null) {
            problems.add(Outcome.failed(name(dir), e));
        }
        return FileVisitResult.CONTINUE;
    }

    private Entry entry(Entry.Kind kind, Path from, BasicFileAttributes attributes) {
        Path relative = source.relativize(from);
        Path to = relative.toString().isEmpty() ? target : target.resolve(relative.toString());
        return new Entry(kind, from, to, name(from), attributes.size(), attributes.lastModifiedTime(),
                attributes.lastAccessTime());
    }

    private String name(Path from) {
        Path relative = source.relativize(from);
        if (relative.toString().isEmpty()) {
            return from.getFileName() == null ? from.toString() : from.getFileName().toString();
        }
        return relative.toString().replace(from.getFileSystem().getSeparator(), "/");
    }

    /** The target is a regular file of the same size and modification time (to the millisecond). */
    private static boolean sameFile(Entry file) throws IOException {
        try {
            BasicFileAttributes there = Files.readAttributes(file.to(), BasicFileAttributes.class,
                    LinkOption.NOFOLLOW_LINKS);
            return there.isRegularFile() && there.size() == file.size()
                    && there.lastModifiedTime().toMillis() == file.modified().toMillis();
        } catch (NoSuchFileException e) {
            return false;
        }
    }

    private static boolean sameLink(Entry link) throws IOException {
        return Files.isSymbolicLink(link.to())
                && Files.readSymbolicLink(link.to()).equals(Files.readSymbolicLink(link.from()));
    }
}
