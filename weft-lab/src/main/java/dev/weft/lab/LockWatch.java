package dev.weft.lab;

import java.lang.management.LockInfo;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Watches a set of threads through {@link ThreadMXBean} until they are stuck waiting on each other's locks,
 * or have all finished, or the timeout passes. A thread waiting for a lock it holds itself (a non-reentrant lock
 * taken twice) counts as stuck: the JVM's own cycle finder ignores such self-loops.
 */
final class LockWatch {

    private static final Duration POLL = Duration.ofMillis(5);

    /** Threads found stuck, with their lock details, and how long the watch took to see it. */
    record Stuck(List<ThreadInfo> threads, Duration detectedAfter) {

        /** One line per stuck thread: what it holds and what it waits for, named by {@code lockName}. */
        List<String> describe(Function<LockInfo, String> lockName) {
            return threads.stream().map(info -> info.getThreadName()
                    + " holds " + Arrays.stream(info.getLockedSynchronizers()).map(lockName).collect(Collectors.joining(", "))
                    + " and waits for " + lockName.apply(info.getLockInfo())
                    + " held by " + info.getLockOwnerName()).toList();
        }
    }

    private LockWatch() {
    }

    /** Waits up to {@code timeout} for the given threads to deadlock; empty if they all finish or time runs out. */
    static Optional<Stuck> await(Collection<Thread> watched, Duration timeout) throws InterruptedException {
        ThreadMXBean bean = ManagementFactory.getThreadMXBean();
        Set<Long> ids = watched.stream().map(Thread::threadId).collect(Collectors.toSet());
        long began = System.nanoTime();
        long deadline = began + timeout.toNanos();
        while (System.nanoTime() < deadline && watched.stream().anyMatch(Thread::isAlive)) {
            List<ThreadInfo> stuck = stuck(bean, ids);
            if (!stuck.isEmpty()) {
                return Optional.of(new Stuck(stuck, Duration.ofNanos(System.nanoTime() - began)));
            }
            Thread.sleep(POLL);
        }
        return Optional.empty();
    }

    private static List<ThreadInfo> stuck(ThreadMXBean bean, Set<Long> ids) {
        // cycles first: a deadlock never dissolves, so thread details read after finding one still show it
        long[] cycle = bean.findDeadlockedThreads();
        long[] watchedIds = ids.stream().mapToLong(Long::longValue).toArray();
        ThreadInfo[] infos = bean.getThreadInfo(watchedIds, false, true);
        Set<Long> inCycle = cycle == null ? Set.of() : Arrays.stream(cycle).boxed().collect(Collectors.toSet());
        return Arrays.stream(infos)
                .filter(info -> info != null
                        && (inCycle.contains(info.getThreadId()) || info.getLockOwnerId() == info.getThreadId()))
                .toList();
    }
}
