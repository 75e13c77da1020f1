package dev.weft.tools.copy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;

import dev.weft.tools.progress.Outcome;
import dev.weft.tools.progress.Progress;

/**
 * A copy in progress, fed while the source is still being walked. Directories are made as they are found; each batch
 * of a directory's small files goes straight to the small-file workers (one more worker per batch, up to the limit),
 * so workers create files in different directories and do not queue on one directory's lock in the kernel. Large
 * files wait for the end of the walk and then go largest first, so the end is not one big file copied alone. Links
 * come after all files, and directory metadata last, deepest first, because writing into a directory changes its
 * time. The seeds' process pool and completion queue become these workers and the {@link Progress} listener.
 */
final class CopyRun implements Findings {

    private static final Set<PosixFilePermission> OWNER = EnumSet.of(PosixFilePermission.OWNER_READ,
            PosixFilePermission.OWNER_WRITE, PosixFilePermission.OWNER_EXECUTE);

    /** Put back by each worker that takes it, so one of them ends them all. */
    private static final List<Entry> END = new ArrayList<>(0);

    private final CopyOptions options;
    private final Progress progress;
    private final ExecutorService threads;
    private final FileCopy copy;
    private final BlockingQueue<List<Entry>> small = new LinkedBlockingQueue<>();
    private final List<Entry> large = new ArrayList<>();
    private final List<Entry> directories = new ArrayList<>();
    private final List<Entry> links = new ArrayList<>();
    /** Directories this copy made whose source lacks some of the owner's permissions, added while they were filled. */
    private final Set<Entry> lockedAfterwards = Collections.newSetFromMap(new IdentityHashMap<>());
    private final List<Future<?>> workers = new ArrayList<>();
    private int smallWorkers;

    CopyRun(CopyOptions options, Progress progress, ExecutorService threads) {
        this.options = options;
        this.progress = progress;
        this.threads = threads;
        this.copy = new FileCopy(options, progress);
    }

    /**
     * Makes the directory (and missing parents) with the source's permissions plus the owner's, less the umask: never
     * open to more people than the source, and writable while the copy fills it. The owner's bits that the source
     * lacks are taken away again at the end, as {@code cp -r} does ({@code --preserve perms} sets exact permissions).
     */
    @Override
    public void directory(Entry directory) {
        directories.add(directory);
        try {
            if (directory.permissions().isEmpty()) {
                Files.createDirectories(directory.to());
                return;
            }
            Set<PosixFilePermission> permissions = EnumSet.copyOf(directory.permissions());
            permissions.addAll(OWNER);
            boolean lacksOwner = !directory.permissions().containsAll(OWNER);
            // what is staged is this copy's (or a killed one's, taken up again); elsewhere a directory may be the user's
            boolean existed = lacksOwner && !directory.staged()
                    && Files.isDirectory(directory.to(), LinkOption.NOFOLLOW_LINKS);
            Files.createDirectories(directory.to(), PosixFilePermissions.asFileAttribute(permissions));
            if (lacksOwner && !existed) {
                lockedAfterwards.add(directory);
            }
        } catch (IOException e) {
            failed(Outcome.failed(directory.name(), e));
        }
    }

    @Override
    public void files(List<Entry> files) {
        List<Entry> batch = new ArrayList<>(files.size());
        long bytes = 0;
        for (Entry file : files) {
            bytes += file.size();
            (file.size() >= Workers.LARGE_FILE ? large : batch).add(file);
        }
        progress.planned(files.size(), bytes);
        if (!batch.isEmpty()) {
            small.add(batch);
            if (smallWorkers < options.workers().small()) {
                smallWorkers++;
                workers.add(threads.submit(() -> work(small)));
            }
        }
    }

    @Override
    public void link(Entry link) {
        progress.planned(1, 0);
        links.add(link);
    }

    @Override
    public void upToDate(Entry entry) {
        progress.planned(1, 0);
        progress.finished(Outcome.skipped(entry.name(), entry.size(), "up to date"));
    }

    @Override
    public void problem(Outcome problem) {
        failed(problem);
    }

    /** The walk is over: the small-file workers stop when their queue is empty, and the large files start. */
    void walked() {
        small.add(END);
        BlockingQueue<List<Entry>> queue = new LinkedBlockingQueue<>();
        large.stream().sorted(Comparator.comparingLong(Entry::size).reversed()).forEach(file -> queue.add(List.of(file)));
        queue.add(END);
        for (int i = 0; i < Math.min(options.workers().large(), large.size()); i++) {
            workers.add(threads.submit(() -> work(queue)));
        }
    }

    /**
     * After every worker has ended (the thread pool is closed): the links, then directory metadata, deepest first, each
     * staged directory moved into place once its metadata is set (before its parent's, which the move changes).
     */
    void finish() throws InterruptedException {
        for (Future<?> worker : workers) {
            try {
                worker.get();
            } catch (ExecutionException e) {
                // a worker that died of a bug (file failures are outcomes, not exceptions) must not pass silently
                throw new IllegalStateException("copy worker failed: " + e.getCause(), e.getCause());
            }
        }
        links.forEach(link -> progress.finished(copy.link(link)));
        for (Entry directory : directories.reversed()) {
            try {
                if (!Files.isDirectory(directory.to())) {
                    continue;
                }
                if (!options.preserve().contains(Preserve.PERMS) && lockedAfterwards.contains(directory)) {
                    Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(directory.to());
                    OWNER.stream().filter(bit -> !directory.permissions().contains(bit)).forEach(permissions::remove);
                    Files.setPosixFilePermissions(directory.to(), permissions);
                }
                Metadata.apply(directory, directory.to(), options.preserve());
                if (directory.moveTo() != null) {
                    Staging.moveIntoPlace(directory);
                }
            } catch (IOException e) {
                failed(Outcome.failed(directory.name(), e));
            }
        }
    }

    /**
     * After an interrupt, once every worker has ended: the staged directories go into place as they are, so what was
     * copied is where the user looks (each file there is complete: a worker deletes the file it was writing when it
     * stops), and a rerun with {@code --update} finishes the rest. Those that cannot be moved stay staged, and the
     * rerun takes them up.
     */
    List<IOException> placeStaged() {
        List<IOException> failures = new ArrayList<>();
        for (Entry directory : directories) {
            if (directory.moveTo() != null) {
                try {
                    Staging.moveIntoPlace(directory);
                } catch (IOException e) {
                    failures.add(e);
                }
            }
        }
        return failures;
    }

    private void work(BlockingQueue<List<Entry>> queue) {
        try {
            for (List<Entry> batch = queue.take(); batch != END; batch = queue.take()) {
                for (Entry file : batch) {
                    if (Thread.currentThread().isInterrupted()) {
                        return;
                    }
                    progress.finished(copy.file(file));
                }
            }
            queue.add(END);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt(); // the copy is being stopped: this worker ends here
        }
    }

    private void failed(Outcome problem) {
        progress.planned(1, 0);
        progress.finished(problem);
    }
}
