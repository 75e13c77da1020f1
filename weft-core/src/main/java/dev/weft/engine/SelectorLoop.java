package dev.weft.engine;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.PriorityQueue;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One selector thread of the event-loop model: waits for ready channels, runs tasks handed to it from
 * other threads, fires timers, and closes sessions idle for longer than the limit.
 */
final class SelectorLoop implements Runnable {

    private static final Logger log = LoggerFactory.getLogger(SelectorLoop.class);
    private static final long SWEEP_NANOS = TimeUnit.SECONDS.toNanos(1);

    /** Something registered with the selector. */
    interface Ready {
        void ready(SelectionKey key);
    }

    /** A task due at a time; cancelled ones are skipped when they come up. */
    static final class Timer implements Comparable<Timer>, Transport.Cancellable {
        final long due;
        final Runnable task;
        volatile boolean cancelled;

        Timer(long due, Runnable task) {
            this.due = due;
            this.task = task;
        }

        @Override
        public void cancel() {
            cancelled = true;
        }

        @Override
        public int compareTo(Timer other) {
            return Long.compare(due, other.due);
        }
    }

    final Selector selector;
    final ByteBuffer readBuffer = ByteBuffer.allocateDirect(64 * 1024);
    final Set<ChannelSession> sessions = new HashSet<>();
    private final Queue<Runnable> tasks = new ConcurrentLinkedQueue<>();
    private final PriorityQueue<Timer> timers = new PriorityQueue<>();
    private final AtomicBoolean wakeupPending = new AtomicBoolean();
    private final long idleNanos;
    private final Thread thread;
    private volatile boolean running = true;
    private long nextSweep = System.nanoTime() + SWEEP_NANOS;

    SelectorLoop(String name, long idleNanos) throws IOException {
        this.selector = Selector.open();
        this.idleNanos = idleNanos;
        this.thread = Thread.ofPlatform().name(name).unstarted(this);
    }

    void start() {
        thread.start();
    }

    boolean inLoop() {
        return Thread.currentThread() == thread;
    }

    /** Runs {@code task} on this loop's thread, soon. */
    void execute(Runnable task) {
        tasks.add(task);
        if (!inLoop() && wakeupPending.compareAndSet(false, true)) {
            selector.wakeup();
        }
    }

    /** Runs {@code task} on this loop's thread after {@code delayNanos}. */
    Timer schedule(long delayNanos, Runnable task) {
        Timer timer = new Timer(System.nanoTime() + delayNanos, task);
        if (inLoop()) {
            timers.add(timer);
        } else {
            execute(() -> timers.add(timer));
        }
        return timer;
    }

    @Override
    public void run() {
        while (running) {
            try {
                if (tasks.isEmpty()) {
                    selector.select(this::dispatch, selectTimeoutMillis());
                } else {
                    selector.selectNow(this::dispatch);
                }
                wakeupPending.set(false);
                runTasks();
                runTimers();
                sweepIdle();
            } catch (VirtualMachineError e) {
                throw e;
            } catch (IOException | RuntimeException | Error e) {
                // one connection's failure (even a linkage error in its protocol) must not stop the others
                log.error("event loop {}: {}", thread.getName(), e.toString(), e);
            }
        }
        runTasks();
        for (ChannelSession session : List.copyOf(sessions)) {
            session.abort();
        }
        try {
            selector.close();
        } catch (IOException e) {
            log.debug("closing selector: {}", e.toString());
        }
    }

    private void dispatch(SelectionKey key) {
        if (key.isValid()) {
            ((Ready) key.attachment()).ready(key);
        }
    }

    private long selectTimeoutMillis() {
        long now = System.nanoTime();
        long until = nextSweep;
        Timer first = timers.peek();
        if (first != null) {
            until = Math.min(until, first.due);
        }
        return Math.max(1, TimeUnit.NANOSECONDS.toMillis(until - now) + 1);
    }

    private void runTasks() {
        for (Runnable task = tasks.poll(); task != null; task = tasks.poll()) {
            try {
                task.run();
            } catch (RuntimeException e) {
                log.warn("event loop task failed", e);
            }
        }
    }

    private void runTimers() {
        long now = System.nanoTime();
        while (!timers.isEmpty() && timers.peek().due <= now) {
            Timer timer = timers.poll();
            if (!timer.cancelled) {
                try {
                    timer.task.run();
                } catch (RuntimeException e) {
                    log.warn("event loop timer failed", e);
                }
            }
        }
    }

    private void sweepIdle() {
        long now = System.nanoTime();
        if (now < nextSweep) {
            return;
        }
        nextSweep = now + SWEEP_NANOS;
        List<ChannelSession> idle = new ArrayList<>();
        for (ChannelSession session : sessions) {
            if (session.idleFor(now, idleNanos)) {
                idle.add(session);
            }
        }
        idle.forEach(ChannelSession::timeout);
    }

    void stop() throws InterruptedException {
        running = false;
        selector.wakeup();
        thread.join(2000);
    }
}
