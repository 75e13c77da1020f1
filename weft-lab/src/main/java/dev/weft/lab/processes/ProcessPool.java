package dev.weft.lab.processes;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A pool of worker JVMs, Python's {@code multiprocessing.Pool} for Java: tasks ({@link ProcessTask}, serialized) run
 * in other processes, so a crash, a leak or a {@code System.exit} in a task cannot take this JVM down.
 * <ul>
 *   <li>{@link #submit} is {@code apply_async}: it returns a {@link CompletableFuture} ({@code res.get()} is
 *       {@code join()}); {@link #submit(ProcessTask, Consumer, Consumer)} adds success and failure callbacks,
 *       which run in this JVM, on the pool's thread for that worker.</li>
 *   <li>{@link #map} runs a function over a list and returns the results in order.</li>
 *   <li>{@link #shutdown} is {@code close()}: no new tasks, queued ones still run; {@link #awaitTermination} is
 *       {@code join()}; {@link #terminate} kills the workers now and cancels what has not finished.</li>
 *   <li>A worker that dies mid-task fails that task with {@link WorkerDiedException}; a new worker takes its place.</li>
 * </ul>
 * Each worker's stdin is a pipe from this JVM: when this JVM ends, so do the workers ({@link Jvm#exitWithParent}).
 */
public final class ProcessPool implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ProcessPool.class);
    static final List<String> DEFAULT_JVM_OPTIONS = List.of("-Xmx64m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
            "-Xshare:auto");

    private enum State { RUNNING, SHUT_DOWN, TERMINATED }

    /** A submitted task: its id, the task's bytes and its future; the stop marker has no bytes. */
    private record Pending(long id, byte[] task, CompletableFuture<Object> future) {
        static final Pending STOP = new Pending(-1, null, null);
    }

    private final List<String> jvmOptions;
    private final BlockingQueue<Pending> queue = new LinkedBlockingQueue<>();
    private final List<Slot> slots = new ArrayList<>();
    private final AtomicLong ids = new AtomicLong();
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicInteger replaced = new AtomicInteger();
    private volatile State state = State.RUNNING;

    private ProcessPool(List<String> jvmOptions) {
        this.jvmOptions = List.copyOf(jvmOptions);
    }

    /** Starts {@code workers} worker JVMs with small heaps and returns once every one is ready. */
    public static ProcessPool start(int workers) {
        return start(workers, DEFAULT_JVM_OPTIONS);
    }

    /** Starts {@code workers} worker JVMs with these JVM options and returns once every one is ready. */
    public static ProcessPool start(int workers, List<String> jvmOptions) {
        if (workers < 1) {
            throw new IllegalArgumentException("a process pool needs at least 1 worker, not " + workers);
        }
        ProcessPool pool = new ProcessPool(jvmOptions);
        List<Process> started = new ArrayList<>();
        try {
            for (int i = 0; i < workers; i++) {
                started.add(Jvm.start(pool.jvmOptions, PoolWorker.class, List.of()));
            }
            for (int i = 0; i < workers; i++) {
                pool.slots.add(new Slot(pool, i, Worker.connect(started.get(i))));
            }
        } catch (RuntimeException e) {
            started.forEach(Process::destroyForcibly);
            throw e;
        }
        pool.slots.forEach(Slot::begin);
        return pool;
    }

    /** Python's {@code apply_async}: queues the task and returns its future at once. */
    @SuppressWarnings("unchecked")
    public <T> CompletableFuture<T> submit(ProcessTask<T> task) {
        byte[] bytes = serialized(task);
        CompletableFuture<Object> future = new CompletableFuture<>();
        synchronized (this) {
            if (state != State.RUNNING) {
                throw new IllegalStateException("the process pool is " + state.name().toLowerCase().replace('_', ' ')
                        + ": it takes no new tasks");
            }
            queue.add(new Pending(ids.incrementAndGet(), bytes, future));
        }
        return (CompletableFuture<T>) future;
    }

    /** {@code apply_async(..., callback=, error_callback=)}: one of the two runs in this JVM when the task ends. */
    public <T> CompletableFuture<T> submit(ProcessTask<T> task, Consumer<? super T> onSuccess, Consumer<? super Throwable> onFailure) {
        CompletableFuture<T> future = submit(task);
        future.whenComplete((value, failure) -> {
            if (failure == null) {
                onSuccess.accept(value);
            } else {
                onFailure.accept(failure);
            }
        });
        return future;
    }

    /**
     * Python's {@code map}: applies {@code function} to every item in the workers and returns the results in the
     * items' order, waiting at most {@code timeout}; the first failure is thrown (the other tasks still finish).
     */
    public <A, R> List<R> map(ProcessFunction<A, R> function, List<A> items, Duration timeout) throws InterruptedException {
        List<CompletableFuture<R>> futures = new ArrayList<>();
        for (A item : items) {
            futures.add(submit(() -> function.apply(item)));
        }
        long deadline = System.nanoTime() + timeout.toNanos();
        List<R> results = new ArrayList<>();
        for (CompletableFuture<R> future : futures) {
            try {
                results.add(future.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS));
            } catch (ExecutionException e) {
                throw e.getCause() instanceof ProcessException p ? p : new ProcessException(e.getCause().toString(), e.getCause());
            } catch (java.util.concurrent.TimeoutException e) {
                throw new ProcessException("map: " + items.size() + " items did not finish within " + timeout.toMillis() + " ms", e);
            }
        }
        return results;
    }

    /** Python's {@code close()}: takes no new tasks; the queued ones still run, then the workers exit. */
    public synchronized void shutdown() {
        if (state == State.RUNNING) {
            state = State.SHUT_DOWN;
            slots.forEach(s -> queue.add(Pending.STOP));
        }
    }

    /** Python's {@code terminate()}: kills every worker now; tasks not finished fail with {@link CancellationException}. */
    public void terminate() {
        synchronized (this) {
            state = State.TERMINATED;
        }
        List<Pending> left = new ArrayList<>();
        queue.drainTo(left);
        left.stream().filter(p -> p.future() != null)
                .forEach(p -> p.future().completeExceptionally(new CancellationException("the process pool was terminated")));
        slots.forEach(s -> queue.add(Pending.STOP));
        slots.forEach(Slot::kill);
    }

    /** Python's {@code join()} after close or terminate: waits for every worker to exit; false if some still run. */
    public boolean awaitTermination(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        for (Slot slot : slots) {
            long left = deadline - System.nanoTime();
            if (left <= 0 || !slot.thread.join(Duration.ofNanos(left))) {
                return false;
            }
        }
        return true;
    }

    /** Shuts down, waits up to 30 s for the queued tasks, then terminates whatever is left. */
    @Override
    public void close() {
        shutdown();
        try {
            if (!awaitTermination(Duration.ofSeconds(30))) {
                terminate();
                awaitTermination(Duration.ofSeconds(10));
            }
        } catch (InterruptedException e) {
            terminate();
            Thread.currentThread().interrupt();
        }
    }

    /** The pids of the current workers (a replaced worker's pid is gone from here). */
    public List<Long> pids() {
        return slots.stream().map(s -> s.worker.pid()).toList();
    }

    /** Tasks sent to a worker that has not answered yet. */
    public int inFlight() {
        return inFlight.get();
    }

    /** Workers that died and were replaced since the pool started. */
    public int replacedWorkers() {
        return replaced.get();
    }

    private static byte[] serialized(ProcessTask<?> task) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(task);
        } catch (IOException e) {
            throw new IllegalArgumentException("the task cannot be sent to a worker JVM (it must be Serializable,"
                    + " with everything it captures): " + e, e);
        }
        return bytes.toByteArray();
    }

    /** One worker JVM and the streams to it. */
    private record Worker(Process process, long pid, ObjectOutputStream in, ObjectInputStream out) {

        /** Opens the streams and reads the worker's pid: the worker is ready when this returns. */
        static Worker connect(Process process) {
            try {
                ObjectOutputStream in = new ObjectOutputStream(new BufferedOutputStream(process.getOutputStream()));
                in.flush();
                ObjectInputStream out = new ObjectInputStream(new BufferedInputStream(process.getInputStream()));
                long pid = (Long) out.readObject();
                return new Worker(process, pid, in, out);
            } catch (IOException | ClassNotFoundException | ClassCastException e) {
                process.destroyForcibly();
                throw new ProcessException("worker JVM pid " + process.pid() + " did not start: " + e, e);
            }
        }

        String exit() {
            try {
                return process.waitFor(5, TimeUnit.SECONDS) ? "exit code " + process.exitValue() : "still running";
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return "unknown";
            }
        }

        void stop() {
            try {
                in.close();
                if (!process.waitFor(5, TimeUnit.SECONDS)) {
                    process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
                }
            } catch (IOException e) {
                process.destroyForcibly();
            } catch (InterruptedException e) {
                process.destroyForcibly();
                Thread.currentThread().interrupt();
            }
        }
    }

    /** One place in the pool: a worker JVM and the thread that feeds it tasks, one at a time. */
    private static final class Slot {
        private final ProcessPool pool;
        private final Thread thread;
        private volatile Worker worker;

        Slot(ProcessPool pool, int index, Worker worker) {
            this.pool = pool;
            this.worker = worker;
            this.thread = Thread.ofPlatform().daemon().name("weft-process-pool-" + index).unstarted(this::feed);
        }

        void begin() {
            thread.start();
        }

        void kill() {
            worker.process().destroyForcibly();
        }

        private void feed() {
            try {
                for (Pending job = pool.queue.take(); job.task() != null; job = pool.queue.take()) {
                    run(job);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                worker.stop();
            }
        }

        private void run(Pending job) {
            Worker current = worker;
            pool.inFlight.incrementAndGet();
            try {
                current.in().writeObject(new PoolWorker.Job(job.id(), job.task()));
                current.in().reset();
                current.in().flush();
                PoolWorker.Reply reply = (PoolWorker.Reply) current.out().readObject();
                if (reply.ok()) {
                    job.future().complete(reply.value());
                } else {
                    job.future().completeExceptionally(new TaskFailedException(current.pid(), reply.errorClass(), reply.errorMessage()));
                }
            } catch (IOException | ClassNotFoundException | ClassCastException e) {
                current.process().destroyForcibly();
                if (pool.state == State.TERMINATED) {
                    job.future().completeExceptionally(new CancellationException("the process pool was terminated"));
                } else {
                    job.future().completeExceptionally(new WorkerDiedException(current.pid(), current.exit()));
                    replace(current);
                }
            } finally {
                pool.inFlight.decrementAndGet();
            }
        }

        private void replace(Worker dead) {
            try {
                worker = Worker.connect(Jvm.start(pool.jvmOptions, PoolWorker.class, List.of()));
                pool.replaced.incrementAndGet();
                LOG.debug("worker JVM pid {} died; pid {} replaces it", dead.pid(), worker.pid());
            } catch (ProcessException e) {
                LOG.warn("cannot replace worker JVM pid {}: {}", dead.pid(), e.getMessage());
            }
        }
    }
}
