package dev.weft.services.chat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

class ArrivalOrderTest {

    private final List<String> delivered = Collections.synchronizedList(new ArrayList<>());
    private final ArrivalOrder<String> order = new ArrivalOrder<>(delivered::add);

    @Test
    void holdsALaterItemUntilTheEarlierOneArrives() {
        order.arrived(1, "b");
        assertThat(delivered).isEmpty();
        order.arrived(0, "a");
        assertThat(delivered).containsExactly("a", "b");
        assertThat(order.waiting()).isZero();
    }

    @Test
    void anEmptyItemFillsItsPlaceWithoutBeingDelivered() {
        order.arrived(1, "b");
        order.arrived(0, null);
        assertThat(delivered).containsExactly("b");
    }

    @Test
    void anItemWithoutASequenceIsDeliveredAtOnce() {
        order.arrived(5, "later");
        order.arrived(-1, "by hand");
        assertThat(delivered).containsExactly("by hand");
    }

    @Test
    void refusesTheSameSequenceTwice() {
        order.arrived(0, "a");
        assertThatThrownBy(() -> order.arrived(0, "again")).hasMessage("datagram 0 handed in twice");
    }

    @Test
    void deliversInSequenceWhateverThreadsHandItIn() throws Exception {
        List<Integer> shuffled = new ArrayList<>(IntStream.range(0, 5_000).boxed().toList());
        Collections.shuffle(shuffled, new Random(7));
        try (ExecutorService threads = Executors.newFixedThreadPool(4)) {
            shuffled.forEach(i -> threads.execute(() -> order.arrived(i, Integer.toString(i))));
        }
        assertThat(delivered).containsExactlyElementsOf(IntStream.range(0, 5_000).mapToObj(Integer::toString).toList());
    }
}
