package dev.weft.lab;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.BlockingDeque;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingDeque;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.PriorityBlockingQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import java.util.stream.Collectors;

/**
 * The seeds' queue lessons: the same items come out of a FIFO queue in order, of a LIFO queue reversed and of a
 * priority queue sorted. Then the bakers and buyers: bakers put bread on a small shelf and wait when it is full,
 * buyers take and finish each bread, the main thread joins the queue (task_done/join), and a stop item per buyer
 * shuts them down cleanly.
 */
public final class QueuesExperiment implements Experiment {

    static final int DEFAULT_BAKERS = 3;
    static final int DEFAULT_BREADS = 20;
    static final int SHELF = 5;
    static final int ORDER_ITEMS = 8;
    /** A buyer eats for this long per bread, slower than bakers bake, so the shelf fills. */
    static final Duration EATING = Duration.ofMillis(1);

    /** One bread from one baker; the stop item has baker -1. */
    record Bread(int baker, int number) {
        static final Bread STOP = new Bread(-1, -1);
    }

    @Override
    public String name() {
        return "queues";
    }

    @Override
    public String lesson() {
        return "seed 000, 八、队列(queue); seed 004, 生产面包 / 买到面包 (bakers and buyers) and 进程间通信-Queue (put_nowait, get_nowait)";
    }

    @Override
    public String summary() {
        return "FIFO, LIFO and priority order; bakers and buyers on a bounded shelf with back-pressure, join/task_done, clean shutdown; put_nowait/get_nowait";
    }

    @Override
    public Set<Knob> knobs() {
        return EnumSet.of(Knob.THREADS, Knob.ITERATIONS, Knob.SEED);
    }

    @Override
    public Result run(LabOptions options) throws InterruptedException {
        int bakers = LabOptions.atMost(options.threadsOr(DEFAULT_BAKERS), 64, name(), Knob.THREADS);
        int breads = LabOptions.atMost(options.iterationsOr(DEFAULT_BREADS), 100_000, name(), Knob.ITERATIONS);
        Random random = new Random(options.seed());
        List<Integer> items = new ArrayList<>();
        for (int i = 0; i < ORDER_ITEMS; i++) {
            items.add(1 + random.nextInt(99));
        }
        BlockingDeque<Integer> lifo = new LinkedBlockingDeque<>();
        items.forEach(lifo::addFirst);

        JoinableQueue<Bread> shelf = new JoinableQueue<>(SHELF);
        LongAdder produced = new LongAdder();
        LongAdder consumed = new LongAdder();
        LongAdder bakerWaits = new LongAdder();
        AtomicInteger fullest = new AtomicInteger();
        long began = System.nanoTime();
        Crew buyers = Crew.start("lab-buyer", bakers, i -> {
            for (Bread bread = shelf.take(); !bread.equals(Bread.STOP); bread = shelf.take()) {
                Crew.pause(EATING);
                consumed.increment();
                shelf.taskDone();
            }
            shelf.taskDone();
        });
        Crew.start("lab-baker", bakers, i -> {
            for (int n = 0; n < breads; n++) {
                if (shelf.put(new Bread(i, n))) {
                    bakerWaits.increment();
                }
                produced.increment();
                fullest.accumulateAndGet(shelf.size(), Math::max);
            }
        }).join(Duration.ofSeconds(60));
        boolean joined = shelf.join(Duration.ofSeconds(60));
        long consumedAtJoin = consumed.sum();
        for (int i = 0; i < bakers; i++) {
            shelf.put(Bread.STOP);
        }
        buyers.join(Duration.ofSeconds(10));
        boolean stopped = buyers.threads().stream().noneMatch(Thread::isAlive);
        double millis = (System.nanoTime() - began) / 1e6;
        NonBlocking nowait = nonBlocking();

        return new Result(name(), lesson(),
                bakers + " bakers x " + breads + " breads, " + bakers + " buyers, a shelf of " + SHELF,
                List.of(
                        Figure.of("putOrder", "put in", join(items)),
                        Figure.of("fifoOrder", "FIFO (Queue) gives", join(drained(new LinkedBlockingQueue<>(items)))),
                        Figure.of("lifoOrder", "LIFO (LifoQueue) gives", join(drained(lifo))),
                        Figure.of("priorityOrder", "priority (PriorityQueue) gives", join(drained(new PriorityBlockingQueue<>(items)))),
                        Figure.of("produced", "breads produced", produced.sum()),
                        Figure.of("consumed", "breads consumed", consumed.sum()),
                        Figure.of("consumedAtJoin", "consumed when join() returned", consumedAtJoin),
                        Figure.of("joined", "join() returned", joined),
                        Figure.of("shelfCapacity", "shelf capacity", SHELF),
                        Figure.of("fullestShelf", "fullest shelf seen", fullest.get()),
                        Figure.of("bakerWaits", "times a baker waited for room", bakerWaits.sum()),
                        Figure.of("buyersStopped", "buyers stopped cleanly", stopped),
                        Figure.measured("wallMillis", "wall time", millis, "ms"),
                        Figure.of("nowaitCapacity", "put_nowait: queue capacity", NOWAIT_CAPACITY),
                        Figure.of("putNowaitAccepted", "put_nowait (offer): accepted", nowait.putAccepted()),
                        Figure.of("putNowaitFull", "put_nowait (offer): Full", nowait.putFull()),
                        Figure.of("getNowaitTaken", "get_nowait (poll): taken", nowait.getTaken()),
                        Figure.of("getNowaitEmpty", "get_nowait (poll): Empty", nowait.getEmpty()),
                        Figure.measured("putTimeoutMillis", "put(timeout=" + NOWAIT_TIMEOUT.toMillis() + " ms) on a full queue: Full after", nowait.putWaitedMillis(), "ms"),
                        Figure.measured("getTimeoutMillis", "get(timeout=" + NOWAIT_TIMEOUT.toMillis() + " ms) on an empty queue: Empty after", nowait.getWaitedMillis(), "ms")),
                List.of("A full shelf made bakers wait " + bakerWaits.sum() + " times (back-pressure); join() returned only when"
                                + " every bread had been taken and marked done, so produced = consumed before the shutdown.",
                        "One stop item per buyer ended each buyer's loop: no thread was killed, none was left waiting. Without"
                                + " waiting, offer/poll answered at once: " + nowait.putFull() + " puts met Full and " + nowait.getEmpty()
                                + " gets met Empty; with a timeout they waited that long first."));
    }

    static final int NOWAIT_CAPACITY = 3;
    static final int NOWAIT_TRIES = 5;
    static final Duration NOWAIT_TIMEOUT = Duration.ofMillis(20);

    /** The non-blocking API's outcomes: Python's put_nowait/get_nowait raise Full/Empty; Java's offer/poll return false/null. */
    record NonBlocking(int putAccepted, int putFull, int getTaken, int getEmpty, double putWaitedMillis, double getWaitedMillis) {
    }

    /** Seed 004's 消息1..消息4 on a queue of 3: put_nowait past capacity, get_nowait past empty, then the same with a timeout. */
    private static NonBlocking nonBlocking() throws InterruptedException {
        BlockingQueue<String> queue = new java.util.concurrent.ArrayBlockingQueue<>(NOWAIT_CAPACITY);
        int accepted = 0;
        for (int i = 1; i <= NOWAIT_TRIES; i++) {
            if (queue.offer("message " + i)) {
                accepted++;
            }
        }
        long began = System.nanoTime();
        boolean late = queue.offer("late", NOWAIT_TIMEOUT.toNanos(), java.util.concurrent.TimeUnit.NANOSECONDS);
        double putWaited = late ? 0 : (System.nanoTime() - began) / 1e6;
        int taken = 0;
        for (int i = 1; i <= NOWAIT_TRIES; i++) {
            if (queue.poll() != null) {
                taken++;
            }
        }
        began = System.nanoTime();
        String none = queue.poll(NOWAIT_TIMEOUT.toNanos(), java.util.concurrent.TimeUnit.NANOSECONDS);
        double getWaited = none == null ? (System.nanoTime() - began) / 1e6 : 0;
        return new NonBlocking(accepted, NOWAIT_TRIES - accepted, taken, NOWAIT_TRIES - taken, putWaited, getWaited);
    }

    private static List<Integer> drained(BlockingQueue<Integer> queue) {
        List<Integer> out = new ArrayList<>();
        queue.drainTo(out);
        return out;
    }

    private static String join(List<Integer> values) {
        return values.stream().map(String::valueOf).collect(Collectors.joining(" "));
    }
}
