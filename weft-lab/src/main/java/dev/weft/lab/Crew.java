package dev.weft.lab;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A group of named platform threads that start their work together (every thread waits at one gate until all
 * exist) and are joined with a deadline. A thread still running at the deadline is interrupted and reported:
 * an experiment never hangs and never leaves a thread behind silently.
 */
final class Crew {

    /** The work of one member, given its index. */
    @FunctionalInterface
    interface Work {
        void run(int index) throws Exception;
    }

    private final String name;
    private final List<Thread> threads = new ArrayList<>();
    private final AtomicReference<Throwable> failure = new AtomicReference<>();

    private Crew(String name) {
        this.name = name;
    }

    /** Starts {@code size} daemon threads named {@code name-0..}; they begin {@code work} at the same moment. */
    static Crew start(String name, int size, Work work) {
        Crew crew = new Crew(name);
        CountDownLatch gate = new CountDownLatch(1);
        for (int i = 0; i < size; i++) {
            int index = i;
            Thread thread = new Thread(() -> crew.member(gate, index, work), name + "-" + i);
            thread.setDaemon(true);
            crew.threads.add(thread);
        }
        crew.threads.forEach(Thread::start);
        gate.countDown();
        return crew;
    }

    private void member(CountDownLatch gate, int index, Work work) {
        try {
            gate.await();
            work.run(index);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            failure.compareAndSet(null, e);
        } catch (Exception | Error e) {
            failure.compareAndSet(null, e);
        }
    }

    List<Thread> threads() {
        return List.copyOf(threads);
    }

    /**
     * Waits for every member to finish within {@code timeout}; on a miss interrupts the rest and fails naming them.
     * A member that threw makes this throw too, with the first failure as the cause.
     */
    void join(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        for (Thread thread : threads) {
            long left = deadline - System.nanoTime();
            if (left > 0) {
                thread.join(Duration.ofNanos(left));
            }
        }
        List<String> late = threads.stream().filter(Thread::isAlive).map(Thread::getName).toList();
        if (!late.isEmpty()) {
            threads.forEach(Thread::interrupt);
            for (Thread thread : threads) {
                thread.join(Duration.ofSeconds(1));
            }
            throw new LabFailure(name + ": " + late + " did not finish within " + timeout.toMillis() + " ms");
        }
        Throwable first = failure.get();
        if (first != null) {
            throw new LabFailure(name + ": a thread failed: " + first, first);
        }
    }

    /** Sleeps the calling thread: the seeds' {@code time.sleep} inside a critical section, where races get in. */
    static void pause(Duration duration) throws InterruptedException {
        Thread.sleep(duration);
    }
}
