package dev.weft.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * Resident memory and CPU time of a server from {@code /proc}, summed over the process and its
 * descendants (nginx's workers, the processes model's worker JVMs).
 *
 * @param rssKiB     resident set size in KiB
 * @param cpuMillis  user plus system CPU time in milliseconds since the process started
 */
public record ProcStats(long rssKiB, long cpuMillis) {

    /** Linux's USER_HZ, the unit of {@code /proc/PID/stat}'s times; 100 on every common kernel build. */
    private static final int TICKS_PER_SECOND = 100;

    public static ProcStats of(ProcessHandle process) {
        List<ProcessHandle> all = Stream.concat(Stream.of(process), process.descendants()).toList();
        long rss = 0;
        long ticks = 0;
        for (ProcessHandle p : all) {
            rss += rssKiB(p.pid());
            ticks += cpuTicks(p.pid());
        }
        return new ProcStats(rss, ticks * 1000 / TICKS_PER_SECOND);
    }

    /** VmRSS of one process, 0 when it has gone. */
    static long rssKiB(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.substring(6).trim().split("\\s+")[0]);
                }
            }
            return 0;
        } catch (IOException e) {
            return 0;
        }
    }

    /** utime + stime of one process in clock ticks, 0 when it has gone. */
    static long cpuTicks(long pid) {
        try {
            return parseCpuTicks(Files.readString(Path.of("/proc", Long.toString(pid), "stat")));
        } catch (IOException e) {
            return 0;
        }
    }

    /** Fields 14 and 15 of a {@code /proc/PID/stat} line; the command name in parentheses may hold spaces. */
    static long parseCpuTicks(String stat) {
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
    }
}
