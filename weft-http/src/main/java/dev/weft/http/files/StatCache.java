package dev.weft.http.files;

import static java.nio.file.StandardWatchEventKinds.ENTRY_CREATE;
import static java.nio.file.StandardWatchEventKinds.ENTRY_DELETE;
import static java.nio.file.StandardWatchEventKinds.ENTRY_MODIFY;
import static java.nio.file.StandardWatchEventKinds.OVERFLOW;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * File attributes kept between requests, so a hot file costs no stat: the stat was a tenth of the server's
 * CPU on a small cached file. An entry is kept only while the kernel watches every folder from the file up
 * to the served root (inotify, through a {@link WatchService}); it is dropped as soon as a change under one of
 * them is reported, and read again after {@code recheck} anyway, for changes a watch cannot see (a write
 * through a hard link elsewhere, a network file system). Missing files and symlinks are never kept, and
 * where no watch can be set nothing is, so every request then stats as before.
 *
 * <p>The kernel queues a change's event when the change is made; the next lookup here takes it. Only a
 * request that races a change by the moment the JDK's watch thread needs to read the event can still see
 * the old attributes.
 */
final class StatCache implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(StatCache.class);
    private static final int MAX_ENTRIES = 10_000;
    private static final int MAX_FOLDERS = 10_000;
    private static final Duration RECHECK = Duration.ofSeconds(1);

    /** Attributes as read at {@code checked} (nanoTime). */
    private record Entry(BasicFileAttributes attributes, long checked) {
    }

    private static volatile StatCache shared;

    private final WatchService watcher;
    private final long recheckNanos;
    private final LongSupplier clock;
    private final ConcurrentHashMap<Path, Entry> entries = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<Path, WatchKey> folders = new ConcurrentHashMap<>();
    /** Counts taken change reports, so a stat that raced one is not kept. */
    private final AtomicLong changes = new AtomicLong();

    /** A cache that keeps entries while {@code watcher} reports changes; with a null watcher it keeps nothing. */
    StatCache(WatchService watcher, Duration recheck, LongSupplier clock) {
        this.watcher = watcher;
        this.recheckNanos = recheck.toNanos();
        this.clock = clock;
    }

    /**
     * The process's one cache: it holds the process's one inotify instance (a user may have only 128), so
     * every file server shares it. Keeps nothing off Linux, where the JDK polls for changes instead.
     */
    static StatCache shared() {
        StatCache cache = shared;
        if (cache == null) {
            synchronized (StatCache.class) {
                cache = shared;
                if (cache == null) {
                    cache = new StatCache(linuxWatcher(), RECHECK, System::nanoTime);
                    shared = cache;
                }
            }
        }
        return cache;
    }

    private static WatchService linuxWatcher() {
        if (!System.getProperty("os.name", "").startsWith("Linux")) {
            return null;
        }
        try {
            return FileSystems.getDefault().newWatchService();
        } catch (IOException | UnsupportedOperationException e) {
            log.debug("no file watching, so every request reads file attributes: {}", e.toString());
            return null;
        }
    }

    /** The attributes of {@code path}, which lies under {@code root}, following links; null if it is missing or unreadable. */
    BasicFileAttributes attributes(Path root, Path path) {
        if (watcher == null) {
            return read(path);
        }
        takeChanges();
        long now = clock.getAsLong();
        Entry entry = entries.get(path);
        if (entry != null && now - entry.checked < recheckNanos) {
            return entry.attributes;
        }
        long seen = changes.get();
        if (!watching(root, path)) {
            entries.remove(path);
            return read(path);
        }
        BasicFileAttributes own;
        try {
            own = Files.readAttributes(path, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        } catch (IOException e) {
            entries.remove(path);
            return null;
        }
        if (own.isSymbolicLink()) {
            entries.remove(path);
            return read(path);
        }
        if (entries.size() >= MAX_ENTRIES) {
            entries.clear();
        }
        Entry fresh = new Entry(own, now);
        entries.put(path, fresh);
        if (changes.get() != seen) {
            entries.remove(path, fresh);
        }
        return own;
    }

    /** Drops what is kept for {@code path}, for callers that just changed it themselves. */
    void forget(Path path) {
        entries.remove(path);
    }

    /** Whether attributes of {@code path} are kept now (for tests). */
    boolean keeps(Path path) {
        if (watcher != null) {
            takeChanges();
        }
        return entries.containsKey(path);
    }

    private static BasicFileAttributes read(Path path) {
        try {
            return Files.readAttributes(path, BasicFileAttributes.class);
        } catch (IOException e) {
            return null;
        }
    }

    /** Whether every folder from {@code path}'s own up to {@code root} is watched, watching those that are not yet. */
    private boolean watching(Path root, Path path) {
        if (!path.startsWith(root)) {
            return false;
        }
        Path folder = path.equals(root) ? root : path.getParent();
        while (folder != null && folder.startsWith(root)) {
            if (!folders.containsKey(folder) && !watch(folder)) {
                return false;
            }
            folder = folder.getParent();
        }
        return true;
    }

    private boolean watch(Path folder) {
        if (folders.size() >= MAX_FOLDERS) {
            return false;
        }
        try {
            WatchKey key = folder.register(watcher, ENTRY_CREATE, ENTRY_DELETE, ENTRY_MODIFY);
            folders.put(folder, key);
            return true;
        } catch (IOException | RuntimeException e) {
            log.debug("cannot watch {}, so its files are read on every request: {}", folder, e.toString());
            return false;
        }
    }

    /** Applies every change the watcher has reported since the last call. */
    private void takeChanges() {
        WatchKey key;
        while ((key = watcher.poll()) != null) {
            changes.incrementAndGet();
            Path folder = (Path) key.watchable();
            for (WatchEvent<?> event : key.pollEvents()) {
                if (event.kind() == OVERFLOW) {
                    entries.clear();
                } else {
                    Path child = folder.resolve((Path) event.context());
                    entries.remove(child);
                    if (folders.containsKey(child)) {
                        forgetUnder(child);
                    }
                }
            }
            if (!key.reset()) {
                forgetUnder(folder);
            }
        }
    }

    /**
     * A folder was moved, replaced or deleted: its watches may now follow another path, so they go too. The
     * count moves between the two steps, so a lookup that still saw a watch cannot keep what it read.
     */
    private void forgetUnder(Path folder) {
        folders.entrySet().removeIf(watched -> {
            if (watched.getKey().startsWith(folder)) {
                watched.getValue().cancel();
                return true;
            }
            return false;
        });
        changes.incrementAndGet();
        entries.keySet().removeIf(path -> path.startsWith(folder));
    }

    @Override
    public void close() throws IOException {
        if (watcher != null) {
            watcher.close();
        }
    }
}
