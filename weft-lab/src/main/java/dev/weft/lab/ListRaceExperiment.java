package dev.weft.lab;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Supplier;

/**
 * Seed 000's "a list is not a safe structure", with appends: N threads add to one plain {@link ArrayList}, which
 * loses elements (two threads write the same slot, or one grows the array under the other) and can throw; then to
 * a {@code synchronizedList}, a {@link CopyOnWriteArrayList} and a {@link ConcurrentLinkedQueue}, which keep every
 * element at different prices. Copy-on-write copies the array on every add, so it gets fewer appends.
 */
public final class ListRaceExperiment implements Experiment {

    static final int DEFAULT_THREADS = 4;
    static final int DEFAULT_APPENDS = 20_000;
    /** Copy-on-write is quadratic in appends: it gets this fraction of them so the run stays in seconds. */
    static final int COPY_ON_WRITE_SHARE = 10;

    /** One collection's run: what was attempted, what is there, what threw, and appends per microsecond. */
    record Run(long attempted, long size, long exceptions, double millis) {
        long lost() {
            return attempted - exceptions - size;
        }

        double perMillisecond() {
            return attempted / Math.max(millis, 0.001);
        }
    }

    @Override
    public String name() {
        return "list-race";
    }

    @Override
    public String lesson() {
        return "seed 000, 八、1 列表是不安全的数据结构";
    }

    @Override
    public String summary() {
        return "N threads (--threads) append --iterations items each to ArrayList vs synchronizedList, CopyOnWriteArrayList, ConcurrentLinkedQueue";
    }

    @Override
    public Set<Knob> knobs() {
        return EnumSet.of(Knob.THREADS, Knob.ITERATIONS);
    }

    @Override
    public Result run(LabOptions options) throws InterruptedException {
        int threads = LabOptions.atMost(options.threadsOr(DEFAULT_THREADS), 64, name(), Knob.THREADS);
        int appends = LabOptions.atMost(options.iterationsOr(DEFAULT_APPENDS), 1_000_000, name(), Knob.ITERATIONS);
        Run plain = append(threads, appends, ArrayList::new);
        Run synced = append(threads, appends, () -> Collections.synchronizedList(new ArrayList<>()));
        Run copy = append(threads, Math.max(1, appends / COPY_ON_WRITE_SHARE), CopyOnWriteArrayList::new);
        Run queue = append(threads, appends, ConcurrentLinkedQueue::new);
        String plainVerdict = plain.lost() + plain.exceptions() > 0
                ? "The plain ArrayList lost " + plain.lost() + " of " + plain.attempted() + " appends and threw " + plain.exceptions()
                        + " times: size++ and the write to the slot are separate steps, and a grow copies the array under the others."
                : "The plain ArrayList happened to lose nothing this run (" + plain.size() + " of " + plain.attempted()
                        + "): the threads rarely overlapped, which is luck, not safety; run it again or with more --threads.";
        return new Result(name(), lesson(),
                threads + " threads x " + appends + " appends (copy-on-write: " + copy.attempted() / threads + " each)",
                List.of(
                        Figure.of("attempted", "appends attempted", plain.attempted()),
                        Figure.of("arrayListSize", "ArrayList: size", plain.size()),
                        Figure.of("arrayListLost", "ArrayList: lost", plain.lost()),
                        Figure.of("arrayListExceptions", "ArrayList: exceptions", plain.exceptions()),
                        Figure.measured("arrayListPerMs", "ArrayList: appends per ms", plain.perMillisecond(), ""),
                        Figure.of("synchronizedListSize", "synchronizedList: size", synced.size()),
                        Figure.measured("synchronizedListPerMs", "synchronizedList: appends per ms", synced.perMillisecond(), ""),
                        Figure.of("copyOnWriteAttempted", "CopyOnWriteArrayList: appends attempted", copy.attempted()),
                        Figure.of("copyOnWriteSize", "CopyOnWriteArrayList: size", copy.size()),
                        Figure.measured("copyOnWritePerMs", "CopyOnWriteArrayList: appends per ms", copy.perMillisecond(), ""),
                        Figure.of("concurrentQueueSize", "ConcurrentLinkedQueue: size", queue.size()),
                        Figure.measured("concurrentQueuePerMs", "ConcurrentLinkedQueue: appends per ms", queue.perMillisecond(), "")),
                List.of(plainVerdict,
                        "The safe ones kept every element: a lock around each add, a fresh copy per add (fine for lists read far more"
                                + " than written, slow here), or a lock-free linked queue; the seed's answer, queue.Queue, is the last kind."));
    }

    private static Run append(int threads, int appends, Supplier<Collection<Integer>> make) throws InterruptedException {
        Collection<Integer> target = make.get();
        LongAdder exceptions = new LongAdder();
        long began = System.nanoTime();
        Crew.start("lab-append", threads, i -> {
            for (int n = 0; n < appends; n++) {
                try {
                    target.add(n);
                } catch (RuntimeException e) {
                    exceptions.increment(); // ArrayIndexOutOfBounds from a grow under another thread
                }
            }
        }).join(Duration.ofSeconds(60));
        double millis = (System.nanoTime() - began) / 1e6;
        long size;
        try {
            size = target.size();
        } catch (RuntimeException e) {
            size = 0;
        }
        return new Run((long) threads * appends, size, exceptions.sum(), millis);
    }
}
