package dev.weft.lab.processes;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * After each test, waits (up to 10 s) until this JVM has no child process left and fails naming the survivors:
 * "no child JVM outlives the parent" checked, not assumed. Tests in this module run one at a time in one JVM.
 */
public final class NoChildJvmLeft implements AfterEachCallback {

    @Override
    public void afterEach(ExtensionContext context) {
        await("child processes of " + context.getDisplayName() + " to end").atMost(Duration.ofSeconds(10))
                .pollInterval(Duration.ofMillis(50))
                .until(() -> survivors().isEmpty());
    }

    /** The pids and commands of this JVM's live descendants. */
    public static List<String> survivors() {
        return ProcessHandle.current().descendants().filter(ProcessHandle::isAlive)
                .map(p -> p.pid() + " " + p.info().command().orElse("?")).toList();
    }
}
