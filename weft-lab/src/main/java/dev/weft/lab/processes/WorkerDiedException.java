package dev.weft.lab.processes;

/** The worker JVM running a task ended before answering (killed, crashed, halted): that task failed, the pool goes on. */
public final class WorkerDiedException extends ProcessException {

    private static final long serialVersionUID = 1L;

    private final long pid;

    public WorkerDiedException(long pid, String how) {
        super("worker JVM pid " + pid + " died during the task (" + how + ")");
        this.pid = pid;
    }

    /** The process id of the worker that died. */
    public long pid() {
        return pid;
    }
}
