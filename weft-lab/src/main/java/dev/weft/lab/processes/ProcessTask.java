package dev.weft.lab.processes;

import java.io.Serializable;

/**
 * Work for a {@link ProcessPool} worker: serialized (a lambda cast to this type serializes, with what it captures),
 * sent to another JVM on the same class path, run there; its result must be {@link Serializable} too.
 */
@FunctionalInterface
public interface ProcessTask<T> extends Serializable {
    T call() throws Exception;
}
