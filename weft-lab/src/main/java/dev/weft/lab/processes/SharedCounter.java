package dev.weft.lab.processes;

import java.io.IOException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * A counter in shared memory: one long at the start of a memory-mapped file, which every process mapping the same
 * file sees (Python's {@code multiprocessing.Value}). {@link #incrementUnlocked} reads, then writes: two processes
 * interleaving lose updates, as the seeds' threads do. {@link #increment} does the same under a {@link FileLock} on
 * the file, which the operating system grants to one process at a time, so none is lost. A {@code FileLock} belongs
 * to a process: threads of one JVM must not increment through two handles on the same file at once.
 */
public final class SharedCounter implements AutoCloseable {

    /** Volatile access to the long at offset 0 (page-aligned), so a spinning reader sees other processes' writes. */
    private static final VarHandle LONG = MethodHandles.byteBufferViewVarHandle(long[].class, ByteOrder.nativeOrder());

    private final FileChannel channel;
    private final MappedByteBuffer memory;

    private SharedCounter(FileChannel channel, MappedByteBuffer memory) {
        this.channel = channel;
        this.memory = memory;
    }

    /** Maps {@code file} (created, 8 bytes, if missing); every process opening the same file shares the counter. */
    public static SharedCounter open(Path file) throws IOException {
        FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
        try {
            return new SharedCounter(channel, channel.map(FileChannel.MapMode.READ_WRITE, 0, Long.BYTES));
        } catch (IOException e) {
            channel.close();
            throw new IOException("cannot map " + file + ": " + e.getMessage(), e);
        }
    }

    public long get() {
        return (long) LONG.getVolatile(memory, 0);
    }

    public void set(long value) {
        LONG.setVolatile(memory, 0, value);
    }

    /**
     * Read, pause for {@code spins} busy-wait steps (the seeds' pause between read and write, so the race shows),
     * write back plus one. Not atomic across processes.
     */
    public void incrementUnlocked(int spins) {
        long value = get();
        for (int i = 0; i < spins; i++) {
            Thread.onSpinWait();
        }
        set(value + 1);
    }

    /** The same read-pause-write, holding an exclusive lock on the file: no other process can interleave. */
    public void increment(int spins) throws IOException {
        try (FileLock lock = channel.lock()) {
            incrementUnlocked(spins);
        }
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }
}
