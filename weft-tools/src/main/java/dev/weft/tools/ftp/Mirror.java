package dev.weft.tools.ftp;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import dev.weft.tools.ftp.FtpFailure.Step;
import dev.weft.tools.session.ControlConnection;

/**
 * Copies a remote directory tree into a local directory over N parallel sessions (an FTP connection carries one
 * transfer at a time). Files already there with the same size and time are skipped; the others go through
 * {@link FileDownload}, so a mirror run again after an interruption resumes its part files.
 */
public final class Mirror {

    /** What a mirror run did; failures lists each file that could not be fetched. */
    public record Result(int fetched, int skipped, long bytes, List<FtpFailure> failures) {
    }

    /** A remote file and where it goes. */
    public record Job(String remote, Path local, RemoteEntry entry) {
    }

    private final FtpUrl url;
    private final FtpOptions options;
    private final int parallel;

    public Mirror(FtpUrl url, FtpOptions options, int parallel) {
        if (parallel < 1 || parallel > 64) {
            throw new IllegalArgumentException("--parallel must be 1 to 64: " + parallel);
        }
        this.url = url;
        this.options = options;
        this.parallel = parallel;
    }

    /** Lists the remote tree and creates its directories locally; returns the files to fetch. */
    public List<Job> plan(Path localRoot, List<FtpFailure> failures) throws FtpFailure {
        List<Job> jobs = new ArrayList<>();
        try (FtpSession session = FtpSession.open(url, options)) {
            walk(session, url.path(), localRoot, jobs, failures);
        }
        return jobs;
    }

    /** Fetches the planned jobs; the listener sees every file's bytes (it must be thread-safe). */
    public Result fetch(List<Job> jobs, List<FtpFailure> planFailures, TransferListener listener) {
        List<Job> todo = jobs.stream().filter(job -> !upToDate(job)).toList();
        Queue<Job> queue = new ConcurrentLinkedQueue<>(todo);
        List<FtpFailure> failures = Collections.synchronizedList(new ArrayList<>(planFailures));
        AtomicInteger fetched = new AtomicInteger();
        AtomicLong bytes = new AtomicLong();
        int workers = Math.min(parallel, todo.size());
        try (ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, workers))) {
            for (int i = 0; i < workers; i++) {
                pool.submit(() -> work(queue, failures, fetched, bytes, listener));
            }
        }
        for (Job left; (left = queue.poll()) != null; ) {
            failures.add(new FtpFailure(Step.TRANSFER, left.remote(), "not fetched: no session could be opened"));
        }
        return new Result(fetched.get(), jobs.size() - todo.size(), bytes.get(), List.copyOf(failures));
    }

    private void work(Queue<Job> queue, List<FtpFailure> failures, AtomicInteger fetched, AtomicLong bytes,
            TransferListener listener) {
        FtpSession session = null;
        try {
            for (Job job; (job = queue.peek()) != null; ) {
                if (session == null) {
                    session = FtpSession.open(url, options);
                }
                if ((job = queue.poll()) == null) {
                    break;
                }
                try {
                    FileDownload.Result result = FileDownload.run(session, job.remote(), job.local(), true, listener);
                    stamp(job);
                    fetched.incrementAndGet();
                    bytes.addAndGet(result.fetched());
                } catch (FtpFailure e) {
                    failures.add(e);
                    session.close(); // the session may be out of step after a failure: start a fresh one
                    session = null;
                }
            }
        } catch (FtpFailure e) {
            failures.add(e); // could not open a session: the other workers take the files
        } finally {
            if (session != null) {
                session.close();
            }
        }
    }

    private static void walk(FtpSession session, String dir, Path localDir, List<Job> jobs, List<FtpFailure> failures)
            throws FtpFailure {
        try {
            Files.createDirectories(localDir);
        } catch (IOException e) {
            throw new FtpFailure(Step.LOCAL, localDir.toString(), ControlConnection.describe(e), e);
        }
        for (RemoteEntry entry : session.list(dir)) {
            String remote = dir.isEmpty() || dir.endsWith("/") ? dir + entry.name() : dir + "/" + entry.name();
            if (!safe(entry.name())) {
                failures.add(new FtpFailure(Step.LOCAL, remote, "unsafe name from the server, skipped"));
            } else if (entry.directory()) {
                walk(session, remote, localDir.resolve(entry.name()), jobs, failures);
            } else {
                jobs.add(new Job(remote, localDir.resolve(entry.name()), entry));
            }
        }
    }

    /** A name the server sends must stay one path segment inside the local directory, and be a valid file name. */
    static boolean safe(String name) {
        return !name.isEmpty() && !name.equals(".") && !name.equals("..") && !name.contains("/") && !name.contains("\\")
                && name.indexOf('\0') < 0;
    }

    private static boolean upToDate(Job job) {
        try {
            return Files.isRegularFile(job.local())
                    && Files.size(job.local()) == job.entry().size()
                    && (job.entry().modified() == null || Files.getLastModifiedTime(job.local()).toInstant()
                            .truncatedTo(ChronoUnit.SECONDS).equals(job.entry().modified().truncatedTo(ChronoUnit.SECONDS)));
        } catch (IOException e) {
            return false; // cannot tell: fetch it again
        }
    }

    private static void stamp(Job job) throws FtpFailure {
        if (job.entry().modified() == null) {
            return;
        }
        try {
            Files.setLastModifiedTime(job.local(), FileTime.from(job.entry().modified()));
        } catch (IOException e) {
            throw new FtpFailure(Step.LOCAL, job.local().toString(), ControlConnection.describe(e), e);
        }
    }
}
