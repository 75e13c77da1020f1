package dev.weft.lab.processes;

import java.io.Serializable;

/** A function {@link ProcessPool#map} applies to each item in a worker JVM; serializable like {@link ProcessTask}. */
@FunctionalInterface
public interface ProcessFunction<A, R> extends Serializable {
    R apply(A item) throws Exception;
}
