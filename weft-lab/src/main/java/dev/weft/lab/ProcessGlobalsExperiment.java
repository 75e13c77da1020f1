package dev.weft.lab;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import dev.weft.lab.processes.ProcessPool;

/**
 * The seeds' "processes do not share globals": a worker JVM changes a static field (the seeds' {@code g_num}) and a
 * static list (their {@code nums = [11, 22]}); this JVM's copies do not move, because the worker has its own memory.
 * A thread of this JVM making the same change does move them: threads share their process's memory.
 */
public final class ProcessGlobalsExperiment implements Experiment {

    static final int START = 100;
    static final List<Integer> START_NUMS = List.of(11, 22);

    /** The "global": one per JVM, because each JVM loads this class and initialises its statics itself. */
    static volatile int global = START;
    static final List<Integer> NUMS = new CopyOnWriteArrayList<>(START_NUMS);

    /** What a process or thread did to the globals: its pid, the global and the list after its change. */
    record Change(long pid, int global, List<Integer> nums) implements java.io.Serializable {
    }

    static Change change() {
        global += 1;
        NUMS.add(33);
        return new Change(ProcessHandle.current().pid(), global, new ArrayList<>(NUMS));
    }

    @Override
    public String name() {
        return "process-globals";
    }

    @Override
    public String lesson() {
        return "seed 004, 进程间不能共享全局变量 (n = 100; nums = [11, 22]); seed 002, 4.3 进程与线程的对比";
    }

    @Override
    public String summary() {
        return "a worker JVM changes a global and a list: this JVM's copies do not move; a thread's change does";
    }

    @Override
    public Set<Knob> knobs() {
        return EnumSet.noneOf(Knob.class);
    }

    @Override
    public Result run(LabOptions options) throws InterruptedException {
        global = START;
        NUMS.clear();
        NUMS.addAll(START_NUMS);
        long self = ProcessHandle.current().pid();
        Change inChild;
        try (ProcessPool pool = ProcessPool.start(1)) {
            inChild = pool.submit(ProcessGlobalsExperiment::change).get(60, TimeUnit.SECONDS);
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            throw new LabFailure("process-globals: the worker JVM did not answer: " + e, e);
        }
        int afterChild = global;
        List<Integer> numsAfterChild = List.copyOf(NUMS);
        Change[] inThread = new Change[1];
        Crew.start("lab-globals", 1, i -> inThread[0] = change()).join(Duration.ofSeconds(10));
        int afterThread = global;
        List<Integer> numsAfterThread = List.copyOf(NUMS);
        boolean isolated = inChild.pid() != self && afterChild == START && numsAfterChild.equals(START_NUMS);
        boolean shared = afterThread == START + 1 && inThread[0].pid() == self;
        return new Result(name(), lesson(),
                "global = " + START + ", nums = " + START_NUMS + "; a worker JVM adds 1 and appends 33, then a thread here does",
                List.of(
                        Figure.of("parentPid", "this JVM's pid", self),
                        Figure.of("childPid", "worker JVM's pid", inChild.pid()),
                        Figure.of("childGlobal", "global in the worker after its change", inChild.global()),
                        Figure.of("childNums", "nums in the worker after its change", inChild.nums().toString()),
                        Figure.of("parentGlobalAfterChild", "global here after the worker's change", afterChild),
                        Figure.of("parentNumsAfterChild", "nums here after the worker's change", numsAfterChild.toString()),
                        Figure.of("threadGlobal", "global as the thread left it", inThread[0].global()),
                        Figure.of("parentGlobalAfterThread", "global here after the thread's change", afterThread),
                        Figure.of("parentNumsAfterThread", "nums here after the thread's change", numsAfterThread.toString()),
                        Figure.of("processesIsolated", "processes have their own globals", isolated),
                        Figure.of("threadsShare", "threads share this JVM's globals", shared)),
                List.of("The worker JVM saw its own global go from " + START + " to " + inChild.global() + " while this JVM's stayed at "
                                + afterChild + ": a process starts with its own copy of every static and shares none of them.",
                        "The thread's change showed here at once (" + afterThread + ", " + numsAfterThread + "): threads of one"
                                + " process share its memory, which is why they need locks and processes need pipes and queues."));
    }
}
