package dev.weft.lab.processes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(NoChildJvmLeft.class)
class ProcessPoolTest {

    private static long pid() {
        return ProcessHandle.current().pid();
    }

    @Test
    void tasksRunInOtherProcessesAndTheirResultsComeBack() throws Exception {
        try (ProcessPool pool = ProcessPool.start(2)) {
            CompletableFuture<Long> a = pool.submit(ProcessPoolTest::pid);
            CompletableFuture<Integer> b = pool.submit(() -> 6 * 7);

            assertThat(a.get(30, TimeUnit.SECONDS)).isNotEqualTo(pid()).isIn(pool.pids());
            assertThat(b.get(30, TimeUnit.SECONDS)).isEqualTo(42);
        }
    }

    @Test
    void mapKeepsTheOrderOfTheItems() throws Exception {
        try (ProcessPool pool = ProcessPool.start(2)) {
            assertThat(pool.map(n -> n * n, List.of(1, 2, 3, 4, 5, 6), Duration.ofSeconds(30)))
                    .containsExactly(1, 4, 9, 16, 25, 36);
        }
    }

    @Test
    void successAndFailureCallbacksRunInThisProcess() throws Exception {
        Map<String, String> seen = new ConcurrentHashMap<>();
        try (ProcessPool pool = ProcessPool.start(1)) {
            CompletableFuture<String> ok = pool.submit(() -> "done", v -> seen.put("success", v + " in " + pid()), f -> seen.put("oops", f.toString()));
            CompletableFuture<String> bad = pool.submit(() -> {
                throw new IllegalStateException("no stock");
            }, v -> seen.put("wrong", v), f -> seen.put("failure", f.getMessage() + " in " + pid()));
            ok.handle((v, f) -> v).get(30, TimeUnit.SECONDS);
            bad.handle((v, f) -> v).get(30, TimeUnit.SECONDS);
        }
        assertThat(seen).containsOnlyKeys("success", "failure");
        assertThat(seen.get("success")).isEqualTo("done in " + pid());
        assertThat(seen.get("failure")).contains("java.lang.IllegalStateException: no stock").endsWith(" in " + pid());
    }

    @Test
    void aTaskThatThrowsFailsAloneAndTheWorkerStays() throws Exception {
        try (ProcessPool pool = ProcessPool.start(1)) {
            List<Long> before = pool.pids();
            CompletableFuture<Object> bad = pool.submit(() -> {
                throw new ArithmeticException("/ by zero");
            });

            assertThatThrownBy(() -> bad.get(30, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
                    .cause().isInstanceOf(TaskFailedException.class).hasMessageContaining("ArithmeticException: / by zero");
            assertThat(pool.submit(ProcessPoolTest::pid).get(30, TimeUnit.SECONDS)).isEqualTo(before.getFirst());
            assertThat(pool.replacedWorkers()).isZero();
        }
    }

    @Test
    void aWorkerKilledMidTaskFailsThatTaskAndIsReplaced() throws Exception {
        try (ProcessPool pool = ProcessPool.start(1)) {
            long victim = pool.pids().getFirst();
            CompletableFuture<String> sleeper = pool.submit(() -> {
                Thread.sleep(60_000);
                return "woke";
            });
            await().atMost(Duration.ofSeconds(10)).until(() -> pool.inFlight() == 1);
            ProcessHandle.of(victim).orElseThrow().destroyForcibly();

            assertThatThrownBy(() -> sleeper.get(30, TimeUnit.SECONDS)).cause()
                    .isInstanceOf(WorkerDiedException.class).hasMessageContaining("pid " + victim);
            assertThat(pool.submit(ProcessPoolTest::pid).get(30, TimeUnit.SECONDS)).isNotEqualTo(victim);
            assertThat(pool.replacedWorkers()).isEqualTo(1);
        }
    }

    @Test
    void aTaskThatEndsItsOwnJvmFailsAndTheNextTaskRuns() throws Exception {
        try (ProcessPool pool = ProcessPool.start(1)) {
            CompletableFuture<Object> crash = pool.submit(() -> {
                Runtime.getRuntime().halt(3);
                return null;
            });

            assertThatThrownBy(() -> crash.get(30, TimeUnit.SECONDS)).cause()
                    .isInstanceOf(WorkerDiedException.class).hasMessageContaining("exit code 3");
            assertThat(pool.submit(() -> "alive").get(30, TimeUnit.SECONDS)).isEqualTo("alive");
        }
    }

    @Test
    void shutdownRunsTheQueuedTasksAndRefusesNewOnes() throws Exception {
        ProcessPool pool = ProcessPool.start(1);
        List<CompletableFuture<Integer>> queued = List.of(pool.submit(() -> 1), pool.submit(() -> 2), pool.submit(() -> 3));
        pool.shutdown();

        assertThatThrownBy(() -> pool.submit(() -> 4)).isInstanceOf(IllegalStateException.class).hasMessageContaining("shut down");
        assertThat(pool.awaitTermination(Duration.ofSeconds(30))).isTrue();
        assertThat(queued).allMatch(f -> f.isDone() && !f.isCompletedExceptionally());
    }

    @Test
    void terminateKillsTheWorkersAndCancelsWhatHasNotFinished() throws Exception {
        ProcessPool pool = ProcessPool.start(1);
        CompletableFuture<String> running = pool.submit(() -> {
            Thread.sleep(60_000);
            return "late";
        });
        CompletableFuture<String> waiting = pool.submit(() -> "never");
        await().atMost(Duration.ofSeconds(10)).until(() -> pool.inFlight() == 1);
        long began = System.nanoTime();
        pool.terminate();

        assertThat(pool.awaitTermination(Duration.ofSeconds(10))).isTrue();
        assertThat(Duration.ofNanos(System.nanoTime() - began)).isLessThan(Duration.ofSeconds(10));
        assertThatThrownBy(() -> running.get(10, TimeUnit.SECONDS)).isInstanceOf(CancellationException.class);
        assertThatThrownBy(() -> waiting.get(10, TimeUnit.SECONDS)).isInstanceOf(CancellationException.class);
    }

    @Test
    void aTaskThatCannotBeSerializedIsRefusedAtSubmit() {
        Object notSerializable = new Object();
        try (ProcessPool pool = ProcessPool.start(1)) {
            assertThatThrownBy(() -> pool.submit(() -> notSerializable.hashCode()))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Serializable");
        }
    }
}
