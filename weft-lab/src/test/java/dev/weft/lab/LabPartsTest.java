package dev.weft.lab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

/** The lab's own building blocks: the pieces Python has and Java lacks, and the result format. */
class LabPartsTest {

    @Test
    void aBoundedSemaphoreRefusesAReleaseAboveItsBound() throws InterruptedException {
        BoundedSemaphore semaphore = new BoundedSemaphore(2);
        semaphore.acquire();
        semaphore.release();

        assertThatThrownBy(semaphore::release).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("2 of 2 permits");
        assertThat(semaphore.availablePermits()).isEqualTo(2);
    }

    @Test
    void aNonReentrantLockCannotBeTakenAgainByItsOwner() {
        NonReentrantLock lock = new NonReentrantLock();
        lock.lock();
        try {
            assertThat(lock.tryLock()).isFalse();
        } finally {
            lock.unlock();
        }
        assertThat(lock.tryLock()).isTrue();
        lock.unlock();
    }

    @Test
    void joinWaitsUntilEveryItemIsMarkedDone() throws Exception {
        JoinableQueue<String> queue = new JoinableQueue<>(2);
        queue.put("bread");
        queue.take();

        assertThat(queue.join(Duration.ofMillis(20))).isFalse();
        queue.taskDone();
        assertThat(queue.join(Duration.ofSeconds(5))).isTrue();
    }

    @Test
    void taskDoneMoreOftenThanPutIsAnError() {
        JoinableQueue<String> queue = new JoinableQueue<>(1);

        assertThatThrownBy(queue::taskDone).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void putOnAFullQueueWaitsForRoomAndSaysSo() throws Exception {
        JoinableQueue<Integer> queue = new JoinableQueue<>(1);
        assertThat(queue.put(1)).isFalse();
        CompletableFuture<Boolean> waited = new CompletableFuture<>();
        Thread baker = Thread.ofPlatform().daemon().start(() -> {
            try {
                waited.complete(queue.put(2));
            } catch (InterruptedException e) {
                waited.completeExceptionally(e);
            }
        });
        await().atMost(Duration.ofSeconds(5)).until(() -> baker.getState() == Thread.State.WAITING);

        assertThat(queue.take()).isEqualTo(1);
        assertThat(waited.get(5, TimeUnit.SECONDS)).isTrue();
        assertThat(queue.unfinished()).isEqualTo(2);
    }

    @Test
    void primeCountsAgreeHoweverTheWorkIsSplit() {
        assertThat(PrimeCount.count(100_000, 1, 0)).isEqualTo(9592);
        assertThat(PrimeCount.count(100_000, 3, 0) + PrimeCount.count(100_000, 3, 1) + PrimeCount.count(100_000, 3, 2))
                .isEqualTo(9592);
    }

    @Test
    void jsonHasEveryFigureUnderItsKeyInOrder() throws Exception {
        Result result = new Result("race", "seed 000, 四、同步锁", "setup", List.of(Figure.of("expected", "expected", 0),
                Figure.of("lostUpdates", "lost", 7), Figure.of("locked", "locked", false),
                Figure.curve("speedup", "speed-up", List.of(1.0, 1.956), "x")), List.of("one.", "two."));

        JsonNode json = new ObjectMapper().readTree(ResultJson.write(result));

        assertThat(json.fieldNames()).toIterable()
                .containsExactly("experiment", "lesson", "setup", "expected", "lostUpdates", "locked", "speedup", "explanation");
        assertThat(json.get("lostUpdates").asLong()).isEqualTo(7);
        assertThat(json.get("locked").isBoolean()).isTrue();
        assertThat(json.get("speedup").get(1).asDouble()).isEqualTo(1.96);
        assertThat(json.get("explanation").asText()).isEqualTo("one. two.");
    }

    @Test
    void figureKeysMustBeCamelCase() {
        assertThatThrownBy(() -> Figure.of("lost_updates", "lost", 1)).hasMessageContaining("lost_updates");
    }

    @Test
    void zeroThreadsIsRejectedNamingTheValue() {
        assertThatThrownBy(() -> LabOptions.defaults().withThreads(0)).hasMessage("--threads must be at least 1, not 0");
    }

    @Test
    void everyExperimentHasAUniqueNameAndASummary() {
        assertThat(Lab.experiments()).extracting(Experiment::name).doesNotHaveDuplicates().hasSize(27);
        assertThat(Lab.experiments()).allSatisfy(e -> assertThat(e.summary()).isNotBlank().doesNotContain("\n"));
    }

    @Test
    void everyExperimentNamesTheSeedFileItsLessonComesFrom() {
        assertThat(Lab.experiments()).allSatisfy(e -> assertThat(e.lesson()).matches("seed 00[0-4], .+"));
    }

    @Test
    void aClearedEventMakesWaitersWaitForTheNextSet() throws InterruptedException {
        ClearableEvent event = new ClearableEvent();
        event.set();
        assertThat(event.await(Duration.ofMillis(1))).isTrue();
        event.clear();

        assertThat(event.isSet()).isFalse();
        assertThat(event.await(Duration.ofMillis(20))).isFalse();
    }

    @Test
    void aGeneratorHandsBackWhatIsSentAsTheValueOfYield() {
        List<String> inside = new java.util.ArrayList<>();
        try (Generator<Integer, String> generator = new Generator<>(y -> {
            inside.add(String.valueOf(y.yield(1)));
            inside.add(String.valueOf(y.yield(2)));
        })) {
            assertThat(generator.send(null)).isEqualTo(1);
            assertThat(generator.send("a")).isEqualTo(2);
            assertThat(generator.hasNext()).isFalse();
        }
        assertThat(inside).containsExactly("a", "null");
    }

    @Test
    void theProcessesVerdictSaysThreadsWereNotFasterWhenTheyWereNot() {
        List<String> slow = ProcessesExperiment.verdict(2, 0.14, 0.1, 900);

        assertThat(slow.getFirst()).contains("were not faster than one here (0.14x)").doesNotContain("divide");
        assertThat(slow.get(1)).contains("slower than one thread (0.10x)");
        assertThat(ProcessesExperiment.verdict(2, 1.9, 1.2, 400).getFirst()).contains("1.90x faster");
    }
}
