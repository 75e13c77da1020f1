package dev.weft.tools.copy;

import java.io.IOException;
import java.nio.file.DirectoryIteratorException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystemLoopException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import dev.weft.tools.progress.Outcome;

/**
 * One walk of the source tree that reports every entry to its {@link Findings} as it goes: excluded entries are left
 * out, special files and unreadable directories become problems, and with {@code --update} files whose size and
 * modification time already match the target are set aside. A directory's files go out in batches of up to
 * {@link #BATCH} (and the rest when the directory is done), so copying can start long before the walk ends. An
 * interrupt ends the walk early.
 *
 * <p>It walks as {@link Files#walkFileTree} does (depth first, in directory order, with a stack of its own rather than
 * recursion; with {@code -L}, links followed, a broken link taken as itself, and a directory that contains itself
 * reported as a loop) but reads each entry's POSIX attributes, permissions included, with the one stat it needs
 * anyway: the JDK's walk hands out only the basic attributes, and a second stat per file cost a tenth of a copy of
 * small files.
 */
final class TreeScan {

    /** The most files reported at once. */
    static final int BATCH = 128;

    private final CopyOptions options;
    private final Path source;
    private final Path target;
    private final Exclusions exclusions;
    private final Findings findings;
    /** Which attributes to read: POSIX ones (with permissions, which every copy is created with) where there are. */
    private final Class<? extends BasicFileAttributes> attributeType;
    private final LinkOption[] linkOptions;
    /** Each distinct permission set seen, kept once: a tree has a few, and its entries share them. */
    private final Map<Set<PosixFilePermission>, Set<PosixFilePermission>> permissionSets = new HashMap<>();
    /** The directories being walked, innermost on top, each with the files found in it so far. */
    private final Deque<Open> open = new ArrayDeque<>();

    /** A directory being walked: its entry, its children still to visit, and the files found in it so far. */
    private static final class Open {
        final Entry directory;
        final Object key;
        final String prefix;
        final DirectoryStream<Path> stream;
        final Iterator<Path> children;
        final List<Entry> files = new ArrayList<>();
        IOException failure;

        Open(Entry directory, Object key, String prefix, DirectoryStream<Path> stream) {
            this.directory = directory;
            this.key = key;
            this.prefix = prefix;
            this.stream = stream;
            this.children = stream.iterator();
        }
    }

    private TreeScan(CopyOptions options, Path source, Path target, Findings findings) {
        this.options = options;
        this.source = source;
        this.target = target;
        this.exclusions = Exclusions.of(options.excludes());
        this.findings = findings;
        this.attributeType = source.getFileSystem().supportedFileAttributeViews().contains("posix")
                ? PosixFileAttributes.class : BasicFileAttributes.class;
        this.linkOptions = options.followLinks() ? new LinkOption[0] : new LinkOption[] {LinkOption.NOFOLLOW_LINKS};
    }

    static void walk(CopyOptions options, Path source, Path target, Findings findings) {
        TreeScan scan = new TreeScan(options, source, target, findings);
        try {
            scan.enter(source, scan.attributes(source));
        } catch (IOException e) {
            findings.problem(Outcome.failed(scan.name(source), e));
            return;
        }
        scan.walk();
    }

    /** Visits what the open directories hold, depth first, with a stack of its own: trees can be deeper than threads. */
    private void walk() {
        while (!open.isEmpty()) {
            if (Thread.currentThread().isInterrupted()) {
                while (!open.isEmpty()) {
                    close(open.pop());
                }
                return;
            }
            Open top = open.peek();
            Path child = null;
            try {
                child = top.children.hasNext() ? top.children.next() : null;
            } catch (DirectoryIteratorException e) {
                top.failure = e.getCause();
            }
            if (child == null) {
                leave();
                continue;
            }
            try {
                enter(child, attributes(child));
            } catch (IOException e) {
                findings.problem(Outcome.failed(name(child), e));
            }
        }
    }

    /** Reports a file or link, or opens a directory and reports it (its children come next). */
    private void enter(Path path, BasicFileAttributes attributes) {
        if (excluded(path)) {
            return;
        }
        if (!attributes.isDirectory()) {
            file(path, attributes);
            return;
        }
        if (options.followLinks() && insideItself(attributes.fileKey())) {
            findings.problem(Outcome.failed(name(path), new FileSystemLoopException(path.toString())));
            return;
        }
        DirectoryStream<Path> children;
        try {
            children = Files.newDirectoryStream(path);
        } catch (IOException e) {
            findings.problem(Outcome.failed(name(path), e));
            return;
        }
        Entry directory = entry(Entry.Kind.DIRECTORY, path, attributes);
        findings.directory(directory);
        open.push(new Open(directory, attributes.fileKey(), open.isEmpty() ? "" : directory.name() + "/", children));
    }

    /** The innermost directory is done: its last files go out, and a failure to read it is reported. */
    private void leave() {
        Open done = open.pop();
        close(done);
        if (!done.files.isEmpty()) {
            findings.files(List.copyOf(done.files));
        }
        if (done.failure != null) {
            findings.problem(Outcome.failed(done.directory.name(), done.failure));
        }
    }

    private static void close(Open directory) {
        try {
            directory.stream.close();
        } catch (IOException e) {
            if (directory.failure == null) {
                directory.failure = e;
            }
        }
    }

    private void file(Path path, BasicFileAttributes attributes) {
        try {
            if (attributes.isSymbolicLink()) {
                Entry link = entry(Entry.Kind.LINK, path, attributes);
                if (options.update() && sameLink(link)) {
                    findings.upToDate(link);
                } else {
                    findings.link(link);
                }
            } else if (attributes.isRegularFile()) {
                regularFile(entry(Entry.Kind.FILE, path, attributes));
            } else {
                findings.problem(Outcome.failed(name(path), "not a regular file, directory or link"));
            }
        } catch (IOException e) {
            findings.problem(Outcome.failed(name(path), e));
        }
    }

    private void regularFile(Entry file) throws IOException {
        if (options.update() && sameFile(file)) {
            findings.upToDate(file);
        } else if (open.isEmpty()) {
            findings.files(List.of(file)); // the source is this one file
        } else {
            List<Entry> batch = open.peek().files;
            batch.add(file);
            if (batch.size() == BATCH) {
                findings.files(List.copyOf(batch));
                batch.clear();
            }
        }
    }

    /** With {@code -L} a broken link is taken as the link itself, as {@link Files#walkFileTree} does. */
    private BasicFileAttributes attributes(Path path) throws IOException {
        try {
            return Files.readAttributes(path, attributeType, linkOptions);
        } catch (IOException e) {
            if (!options.followLinks()) {
                throw e;
            }
            try {
                return Files.readAttributes(path, attributeType, LinkOption.NOFOLLOW_LINKS);
            } catch (IOException again) {
                e.addSuppressed(again);
                throw e;
            }
        }
    }

    /** Whether a directory with {@code key} is already open: a link led back into it. */
    private boolean insideItself(Object key) {
        return key != null && open.stream().anyMatch(directory -> Objects.equals(directory.key, key));
    }

    /** Whether {@code --exclude} leaves out {@code path} (never the source itself). */
    private boolean excluded(Path path) {
        if (exclusions.isEmpty() || open.isEmpty()) {
            return false;
        }
        return exclusions.excludes(source.relativize(path));
    }

    /**
     * An entry for {@code from}, found in the innermost open directory (or the source itself). A directory whose target
     * is not there yet, outside a staged one, is staged ({@link Staging}); everything below it is written in place.
     */
    private Entry entry(Entry.Kind kind, Path from, BasicFileAttributes attributes) {
        Entry parent = open.isEmpty() ? null : open.peek().directory;
        Path to = parent == null ? target : parent.to().resolve(from.getFileName().toString());
        boolean staged = parent != null && parent.staged();
        Path moveTo = null;
        if (kind == Entry.Kind.DIRECTORY && !staged && !Files.exists(to, LinkOption.NOFOLLOW_LINKS)) {
            moveTo = to;
            to = Staging.nameFor(to);
            staged = true;
        }
        Set<PosixFilePermission> permissions = kind != Entry.Kind.LINK && attributes instanceof PosixFileAttributes posix
                ? permissionSets.computeIfAbsent(posix.permissions(), Set::copyOf) : Set.of();
        return new Entry(kind, from, to, name(from), attributes.size(), attributes.lastModifiedTime(),
                attributes.lastAccessTime(), permissions, staged, moveTo);
    }

    /** The name reports use: the path relative to the source with '/' between names, or the source's own name. */
    private String name(Path from) {
        if (open.isEmpty()) {
            return from.getFileName() == null ? from.toString() : from.getFileName().toString();
        }
        return open.peek().prefix + from.getFileName();
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
