package dev.weft.engine;

import java.io.IOException;
import java.io.InputStream;

/** The worker side of the processes model: tell the supervisor we are ready, and stop when it goes away. */
final class Workers {

    private Workers() {
    }

    static void announceReady(Runnable stop) {
        System.out.println(ProcessRunner.READY + " " + ProcessHandle.current().pid());
        System.out.flush();
        Thread.ofPlatform().daemon().name("weft-worker-watchdog").start(() -> {
            InputStream in = System.in;
            try {
                while (in.read() >= 0) {
                    // the supervisor never writes; reading only waits for its end of the pipe to close
                }
            } catch (IOException e) {
                // the pipe broke: the supervisor is gone, same as end of stream
            }
            stop.run();
        });
    }
}
