package dev.weft.lab;

import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

import dev.weft.lab.processes.ProcessQueue;

/**
 * The seeds' producer and consumer processes on a {@code multiprocessing.Queue}: a consumer JVM opens a
 * {@link ProcessQueue}, a producer JVM connects and puts numbered messages, the consumer checks they arrive all and
 * in order. The same hand-over between two threads on an {@link ArrayBlockingQueue} is the yardstick.
 */
public final class ProcessQueueExperiment implements Experiment {

    static final int DEFAULT_MESSAGES = 20_000;
    static final Duration LIFETIME = Duration.ofMinutes(2);
    static final List<String> OPTIONS = List.of("-Xmx64m", "-XX:+UseSerialGC");

    @Override
    public String name() {
        return "process-queue";
    }

    @Override
    public String lesson() {
        return "seed 004, 使用Queue实现进程共享 (write/read processes); seed 002, 4.4 进程之间的通信:Queue; seed 001, 进程Queue";
    }

    @Override
    public String summary() {
        return "a producer JVM and a consumer JVM over weft's cross-process queue (--iterations messages) vs two threads on a BlockingQueue";
    }

    @Override
    public Set<Knob> knobs() {
        return EnumSet.of(Knob.ITERATIONS);
    }

    @Override
    public Result run(LabOptions options) throws InterruptedException {
        int messages = LabOptions.atMost(options.iterationsOr(DEFAULT_MESSAGES), 1_000_000, name(), Knob.ITERATIONS);
        long consumerPid;
        long producerPid;
        long received;
        boolean inOrder;
        double processMillis;
        try (ChildJvm consumer = ChildJvm.start(LIFETIME, OPTIONS, "queue-consumer", String.valueOf(messages))) {
            String port = expect(consumer, "port");
            try (ChildJvm producer = ChildJvm.start(LIFETIME, OPTIONS, "queue-producer", port, String.valueOf(messages))) {
                String[] done = expect(consumer, "done").split(" ");
                expect(producer, "sent");
                consumerPid = consumer.pid();
                producerPid = producer.pid();
                received = Long.parseLong(done[0]);
                inOrder = Boolean.parseBoolean(done[1]);
                processMillis = Long.parseLong(done[2]) / 1e6;
            }
        }
        double threadMillis = threads(messages);
        double processRate = messages / Math.max(processMillis, 0.001) * 1000;
        double threadRate = messages / Math.max(threadMillis, 0.001) * 1000;
        return new Result(name(), lesson(),
                messages + " numbered messages, producer JVM -> consumer JVM over a loopback socket (framed), then thread -> thread",
                List.of(
                        Figure.of("messages", "messages put", messages),
                        Figure.of("received", "messages the consumer JVM took", received),
                        Figure.of("inOrder", "they arrived in order", inOrder),
                        Figure.of("producerPid", "producer pid", producerPid),
                        Figure.of("consumerPid", "consumer pid", consumerPid),
                        Figure.measured("processMillis", "processes: first to last message", processMillis, "ms"),
                        Figure.measured("processPerSecond", "processes: messages per second", processRate, ""),
                        Figure.measured("threadMillis", "threads: first to last message", threadMillis, "ms"),
                        Figure.measured("threadPerSecond", "threads: messages per second", threadRate, ""),
                        Figure.measured("threadsOverProcesses", "threads' rate / processes' rate", threadRate / Math.max(processRate, 0.001), "x")),
                List.of("All " + received + " messages crossed from one JVM to the other" + (inOrder ? ", in order" : ", but not in order")
                                + ": each is a frame on a socket, copied out of one process and into the other.",
                        String.format(Locale.ROOT, "Between threads a message is a reference passed through shared memory: %.0f per"
                                + " second against %.0f between processes (%.2fx), the price of isolation.", threadRate, processRate,
                                threadRate / Math.max(processRate, 0.001))));
    }

    private static String expect(ChildJvm child, String word) {
        String line = child.readLine();
        if (!line.startsWith(word + " ")) {
            throw new LabFailure("process-queue: worker JVM pid " + child.pid() + " said '" + line + "' instead of " + word);
        }
        return line.substring(word.length() + 1).trim();
    }

    private static double threads(int messages) throws InterruptedException {
        BlockingQueue<String> queue = new ArrayBlockingQueue<>(1024);
        long[] span = new long[2];
        Crew consumer = Crew.start("lab-queue-consumer", 1, i -> {
            for (int n = 0; n < messages; n++) {
                queue.take();
                if (n == 0) {
                    span[0] = System.nanoTime();
                }
            }
            span[1] = System.nanoTime();
        });
        Crew.start("lab-queue-producer", 1, i -> {
            for (int n = 0; n < messages; n++) {
                queue.put(Integer.toString(n));
            }
        }).join(Duration.ofSeconds(60));
        consumer.join(Duration.ofSeconds(60));
        return (span[1] - span[0]) / 1e6;
    }
}
