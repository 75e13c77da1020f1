package dev.weft.lab.processes;

/**
 * A task threw inside its worker JVM. The exception itself stays there (it may not even be serializable);
 * this carries its class name and message, like the text a Python pool re-raises from {@code res.get()}.
 */
public final class TaskFailedException extends ProcessException {

    private static final long serialVersionUID = 1L;

    private final String remoteClass;

    public TaskFailedException(long pid, String remoteClass, String remoteMessage) {
        super("task failed in worker JVM pid " + pid + ": " + remoteClass + (remoteMessage == null ? "" : ": " + remoteMessage));
        this.remoteClass = remoteClass;
    }

    /** The class name of the exception the task threw in the worker. */
    public String remoteClass() {
        return remoteClass;
    }
}
