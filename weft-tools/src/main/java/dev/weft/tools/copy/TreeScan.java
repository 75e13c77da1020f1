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
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import dev.weft.tools.progress.Outcome;

/**
 * One walk of the source tree that reports every entry to its {@link Findings} as it goes: excluded entries are left
 * out, special files and unreadable directories become problems, and with {@code --update} files whose size and
 * modification time already match the target are set aside. A directory's files go out in batches of up to
 * {@link #BATCH} (and the rest when the directory is done), so copying can start long before the walk ends. An
 * interrupt ends the walk early.
 */
final class TreeScan implements FileVisitor<Path> {

    /** The most files reported at once. */
    static final int BATCH = 128;

    private final CopyOptions options;
    private final Path source;
    private final Path target;
    private final Exclusions exclusions;
    private final Findings findings;
    /** The directories being walked, innermost on top, each with the files found in it so far. */
    private final Deque<Open> open = new ArrayDeque<>();

    private record Open(Entry directory, String prefix, List<Entry> files) {
    }

    private TreeScan(CopyOptions options, Path source, Path target, Findings findings) {
        this.options = options;
        this.source = source;
        this.target = target;
        this.exclusions = Exclusions.of(options.excludes());
        this.findings = findings;
    }

    static void walk(CopyOptions options, Path source, Path target, Findings findings) throws IOException {
        TreeScan scan = new TreeScan(options, source, target, findings);
        Set<FileVisitOption> follow = options.followLinks() ? EnumSet.of(FileVisitOption.FOLLOW_LINKS) : Set.of();
        Files.walkFileTree(source, follow, Integer.MAX_VALUE, scan);
    }

    @Override
    public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attributes) {
        if (Thread.currentThread().isInterrupted()) {
            return FileVisitResult.TERMINATE;
        }
        if (excluded(dir)) {
            return FileVisitResult.SKIP_SUBTREE;
        }
        Entry directory = entry(Entry.Kind.DIRECTORY, dir, attributes);
        findings.directory(directory);
        open.push(new Open(directory, open.isEmpty() ? "" : directory.name() + "/", new ArrayList<>()));
        return FileVisitResult.CONTINUE;
    }

    @Override
    public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
        if (Thread.currentThread().isInterrupted()) {
            return FileVisitResult.TERMINATE;
        }
        if (excluded(file)) {
            return FileVisitResult.CONTINUE;
        }
        try {
            sort(file, attributes);
        } catch (IOException e) {
            findings.problem(Outcome.failed(name(file), e));
        }
        return FileVisitResult.CONTINUE;
    }

    private void sort(Path file, BasicFileAttributes attributes) throws IOException {
        if (attributes.isSymbolicLink()) {
            Entry link = entry(Entry.Kind.LINK, file, attributes);
            if (options.update() && sameLink(link)) {
                findings.upToDate(link);
            } else {
                findings.link(link);
            }
        } else if (attributes.isRegularFile()) {
            Entry regular = entry(Entry.Kind.FILE, file, attributes);
            if (options.update() && sameFile(regular)) {
                findings.upToDate(regular);
            } else if (open.isEmpty()) {
                findings.files(List.of(regular)); // the source is this one file
            } else {
                List<Entry> batch = open.peek().files();
                batch.add(regular);
                if (batch.size() == BATCH) {
                    findings.files(List.copyOf(batch));
                    batch.clear();
                }
            }
        } else {
            findings.problem(Outcome.failed(name(file), "not a regular file, directory or link"));
        }
    }

    @Override
    public FileVisitResult visitFileFailed(Path file, IOException e) {
        findings.problem(Outcome.failed(name(file), e));
        return FileVisitResult.CONTINUE;
    }

    @Override
    public FileVisitResult postVisitDirectory(Path dir, IOException e) {
        Open done = open.pop();
        if (!done.files().isEmpty()) {
            findings.files(List.copyOf(done.files()));
        }
        if (e != null) {
            findings.problem(Outcome.failed(done.directory().name(), e));
        }
        return FileVisitResult.CONTINUE;
    }

    /** Whether {@code --exclude} leaves out {@code path} (never the source itself). */
    private boolean excluded(Path path) {
        if (exclusions.isEmpty() || open.isEmpty()) {
            return false;
        }
        return exclusions.excludes(source.relativize(path));
    }

    /** An entry for {@code from}, found in the innermost open directory (or the source itself). */
    private Entry entry(Entry.Kind kind, Path from, BasicFileAttributes attributes) {
        Path to = open.isEmpty() ? target : open.peek().directory().to().resolve(from.getFileName().toString());
        return new Entry(kind, from, to, name(from), attributes.size(), attributes.lastModifiedTime(),
                attributes.lastAccessTime());
    }

    /** The name reports use: the path relative to the source with '/' between names, or the source's own name. */
    private String name(Path from) {
        if (open.isEmpty()) {
            return from.getFileName() == null ? from.toString() : from.getFileName().toString();
        }
        return open.peek().prefix() + from.getFileName();
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
