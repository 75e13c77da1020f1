package dev.weft.lab;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Seed 002's iterators and generators, written the Java way: the Fibonacci numbers from an {@link Iterator} (the
 * seed's class with {@code __next__}), from a {@link Generator} on a virtual thread ({@code yield a}), values sent in
 * with {@code send} ({@code ret = yield a}), and a pipeline of generators (numbers, squared, the even ones kept).
 * The cost per value says what a thread hand-over costs next to a method call.
 */
public final class GeneratorsExperiment implements Experiment {

    static final int DEFAULT_VALUES = 10_000;
    static final int SHOWN = 10;

    /** The seed's Fibonacci iterator: state in fields, one value per {@code next()}. */
    static final class Fibonacci implements Iterator<Long> {
        private final int count;
        private int given;
        private long a;
        private long b = 1;

        Fibonacci(int count) {
            this.count = count;
        }

        @Override
        public boolean hasNext() {
            return given < count;
        }

        @Override
        public Long next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            long value = a;
            long next = a + b;
            a = b;
            b = next;
            given++;
            return value;
        }
    }

    /** The seed's create_num: the same numbers from a generator body, state in local variables. */
    static Generator<Long, Object> fibonacci(int count) {
        return new Generator<>(y -> {
            long a = 0;
            long b = 1;
            for (int i = 0; i < count; i++) {
                y.yield(a);
                long next = a + b;
                a = b;
                b = next;
            }
        });
    }

    /** Runs both ways once untimed, so the timed runs measure compiled code, not the interpreter. */
    private static void warmUp(int values) {
        long sink = 0;
        for (Iterator<Long> it = new Fibonacci(values); it.hasNext(); ) {
            sink += it.next();
        }
        try (Generator<Long, Object> generator = fibonacci(values)) {
            while (generator.hasNext()) {
                sink += generator.next();
            }
        }
        warmUpSink = sink; // kept, so the warm-up is not optimised away
    }

    static volatile long warmUpSink;

    @Override
    public String name() {
        return "generators";
    }

    @Override
    public String lesson() {
        return "seed 002, 5.1 迭代器, 5.2 生成器 and 5.2.2 生成器send唤醒; seed 000, 生成器和迭代器";
    }

    @Override
    public String summary() {
        return "Fibonacci from an Iterator and from a generator on a virtual thread (--iterations values), send(), a generator pipeline: cost per value";
    }

    @Override
    public Set<Knob> knobs() {
        return EnumSet.of(Knob.ITERATIONS);
    }

    @Override
    public Result run(LabOptions options) {
        int values = LabOptions.atMost(options.iterationsOr(DEFAULT_VALUES), 1_000_000, name(), Knob.ITERATIONS);
        warmUp(Math.min(values, 2_000));
        List<Long> fromIterator = new ArrayList<>();
        long began = System.nanoTime();
        for (Iterator<Long> it = new Fibonacci(values); it.hasNext(); ) {
            fromIterator.add(it.next());
        }
        double iteratorNanos = (System.nanoTime() - began) / (double) values;

        List<Long> fromGenerator = new ArrayList<>();
        began = System.nanoTime();
        try (Generator<Long, Object> generator = fibonacci(values)) {
            generator.forEachRemaining(fromGenerator::add);
        }
        double generatorNanos = (System.nanoTime() - began) / (double) values;

        List<String> received = new ArrayList<>();
        List<Long> answered = new ArrayList<>();
        try (Generator<Long, String> talker = new Generator<>(y -> {
            long a = 0;
            long b = 1;
            for (int i = 0; i < 5; i++) {
                String ret = y.yield(a); // ret = yield a
                received.add(String.valueOf(ret));
                long next = a + b;
                a = b;
                b = next;
            }
        })) {
            answered.add(talker.send(null)); // the first send must be None
            answered.add(talker.next());
            answered.add(talker.send("haha"));
            answered.add(talker.send("hello"));
        }

        int pipelineItems = Math.min(values, 10_000);
        List<Long> piped = new ArrayList<>();
        began = System.nanoTime();
        try (Generator<Long, Object> numbers = new Generator<>(y -> {
            for (long n = 1; n <= pipelineItems; n++) {
                y.yield(n);
            }
        }); Generator<Long, Object> squares = new Generator<>(y -> numbers.forEachRemaining(n -> {
            try {
                y.yield(n * n);
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        })); Generator<Long, Object> evens = new Generator<>(y -> {
            while (squares.hasNext()) {
                long s = squares.next();
                if (s % 2 == 0) {
                    y.yield(s);
                }
            }
        })) {
            evens.forEachRemaining(piped::add);
        }
        double pipelineNanos = (System.nanoTime() - began) / (double) pipelineItems;
        boolean same = fromIterator.equals(fromGenerator);
        return new Result(name(), lesson(),
                values + " Fibonacci numbers (mod 2^64) each way; send() into a 5-value generator; a 3-stage pipeline over "
                        + pipelineItems + " numbers",
                List.of(
                        Figure.of("values", "values from each", values),
                        Figure.of("firstValues", "first values", fromIterator.stream().limit(SHOWN).map(String::valueOf).collect(Collectors.joining(" "))),
                        Figure.of("sameValues", "iterator and generator agree", same),
                        Figure.measured("iteratorNanosPerValue", "Iterator: per value", iteratorNanos, "ns"),
                        Figure.measured("generatorNanosPerValue", "generator (virtual thread): per value", generatorNanos, "ns"),
                        Figure.of("sendAnswers", "send(): values yielded back", answered.stream().map(String::valueOf).collect(Collectors.joining(" "))),
                        Figure.of("sendReceived", "send(): what yield returned inside", String.join(" ", received)),
                        Figure.of("pipelineValues", "pipeline: even squares out", piped.size()),
                        Figure.of("pipelineFirst", "pipeline: first ones", piped.stream().limit(5).map(String::valueOf).collect(Collectors.joining(" "))),
                        Figure.measured("pipelineNanosPerInput", "pipeline: per input number", pipelineNanos, "ns")),
                List.of(String.format(Locale.ROOT, "The iterator keeps its state in fields and costs a method call per value (%.2f ns);"
                                + " the generator keeps it in local variables of a suspended virtual thread, and each value is a hand-over"
                                + " between two threads (%.0f ns, %.0fx).", iteratorNanos, generatorNanos,
                                generatorNanos / Math.max(iteratorNanos, 0.01)),
                        "send() resumed the body with a value: yield returned None for next() and the sent text otherwise ("
                                + String.join(", ", received) + "), as in the seed's ret = yield a. Java has no yield for"
                                + " this, so a thread per generator stands in; a plain Iterator or a Stream is the Java idiom."));
    }
}
