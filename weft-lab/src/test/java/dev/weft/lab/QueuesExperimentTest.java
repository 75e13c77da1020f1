package dev.weft.lab;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

class QueuesExperimentTest {

    private final Result result = run();

    private static Result run() {
        try {
            return new QueuesExperiment().run(LabOptions.defaults().withThreads(2).withIterations(15));
        } catch (InterruptedException e) {
            throw new AssertionError(e);
        }
    }

    private static List<Integer> numbers(String text) {
        return Arrays.stream(text.split(" ")).map(Integer::valueOf).toList();
    }

    @Test
    void fifoKeepsLifoReversesAndPrioritySortsThePutOrder() {
        List<Integer> put = numbers(result.text("putOrder"));

        assertThat(numbers(result.text("fifoOrder"))).isEqualTo(put);
        assertThat(numbers(result.text("lifoOrder"))).isEqualTo(put.reversed());
        assertThat(numbers(result.text("priorityOrder"))).isEqualTo(put.stream().sorted().toList());
    }

    @Test
    void everyBreadProducedIsConsumedBeforeJoinReturns() {
        assertThat(result.number("produced")).isEqualTo(30);
        assertThat(result.number("consumed")).isEqualTo(30);
        assertThat(result.number("consumedAtJoin")).isEqualTo(30);
        assertThat(result.flag("joined")).isTrue();
    }

    @Test
    void aFullShelfMakesBakersWait() {
        assertThat(result.number("fullestShelf")).isLessThanOrEqualTo(QueuesExperiment.SHELF);
        assertThat(result.number("bakerWaits")).isPositive();
    }

    @Test
    void stopItemsEndEveryBuyer() {
        assertThat(result.flag("buyersStopped")).isTrue();
        assertThat(Thread.getAllStackTraces().keySet()).noneMatch(t -> t.getName().startsWith("lab-buyer"));
    }

    @Test
    void putNowaitMeetsFullAndGetNowaitMeetsEmptyWithoutWaiting() {
        assertThat(result.number("putNowaitAccepted")).isEqualTo(3);
        assertThat(result.number("putNowaitFull")).isEqualTo(2);
        assertThat(result.number("getNowaitTaken")).isEqualTo(3);
        assertThat(result.number("getNowaitEmpty")).isEqualTo(2);
    }

    @Test
    void withATimeoutPutAndGetWaitThatLongBeforeGivingUp() {
        assertThat(result.decimal("putTimeoutMillis")).isGreaterThanOrEqualTo(19.0);
        assertThat(result.decimal("getTimeoutMillis")).isGreaterThanOrEqualTo(19.0);
    }
}
