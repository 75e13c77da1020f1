package dev.weft.lab.processes;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayInputStream;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.Serializable;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * The main class of a {@link ProcessPool} worker JVM. It writes its pid, then answers each {@link Job} read from
 * stdin with a {@link Reply} on stdout, one at a time. A reader thread takes jobs off stdin; when stdin ends
 * (the pool closed it, or the parent died) the JVM exits, even in the middle of a task.
 * Tasks that print go to stderr: stdout carries only the protocol.
 */
public final class PoolWorker {

    /** A task as the parent sends it: its id and the task serialized on its own, so a bad task fails alone. */
    record Job(long id, byte[] task) implements Serializable {
    }

    /** The answer to one job: a value, or the class and message of what the task threw. */
    record Reply(long id, boolean ok, Serializable value, String errorClass, String errorMessage) implements Serializable {
    }

    private PoolWorker() {
    }

    public static void main(String[] args) throws IOException, InterruptedException {
        ObjectOutputStream out = new ObjectOutputStream(new BufferedOutputStream(new FileOutputStream(FileDescriptor.out)));
        System.setOut(System.err);
        out.writeObject(ProcessHandle.current().pid());
        out.flush();
        BlockingQueue<Job> jobs = new LinkedBlockingQueue<>();
        Thread.ofPlatform().daemon().name("weft-pool-worker-stdin").start(() -> {
            try (ObjectInputStream in = new ObjectInputStream(new BufferedInputStream(System.in))) {
                while (true) {
                    jobs.put((Job) in.readObject());
                }
            } catch (IOException | ClassNotFoundException | InterruptedException | ClassCastException e) {
                // the end of stdin (or a broken stream) is the end of this worker, whatever it is doing
                System.exit(0);
            }
        });
        while (true) {
            Job job = jobs.take();
            out.writeObject(run(job));
            out.reset();
            out.flush();
        }
    }

    private static byte[] serialized(Serializable value) throws IOException {
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(value);
        }
        return bytes.toByteArray();
    }

    private static Reply run(Job job) {
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(job.task()))) {
            ProcessTask<?> task = (ProcessTask<?>) in.readObject();
            Object value = task.call();
            if (value != null && !(value instanceof Serializable)) {
                return new Reply(job.id(), false, null, "java.io.NotSerializableException",
                        "the task returned a " + value.getClass().getName() + ", which is not Serializable");
            }
            serialized((Serializable) value); // fails here, for this task alone, if something inside cannot be written
            return new Reply(job.id(), true, (Serializable) value, null, null);
        } catch (Exception | Error e) {
            return new Reply(job.id(), false, null, e.getClass().getName(), e.getMessage());
        }
    }
}
