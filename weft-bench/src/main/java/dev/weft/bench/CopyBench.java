package dev.weft.bench;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Random;
import java.util.function.Consumer;

/**
 * {@code weft bench copy}: {@code weft copy} against {@code cp -r} and {@code rsync -a} on a tree of many small files
 * and on one large file, each program in a process of its own, in interleaved rounds. Goals (issue 10): faster than
 * both on the small files, at least 0.95x cp's speed on the large file.
 */
public final class CopyBench {

    public static final String SMALL = "small files";
    public static final String LARGE = "one large file";
    /** Small files are 1 to 8 KiB, 100 to a folder. */
    static final int SMALL_MIN = 1024;
    static final int SMALL_MAX = 8192;
    static final int PER_FOLDER = 100;

    /** weft copy --verify (the copy read back and compared by SHA-256) and its peer: cp, then sha256sum of both. */
    public static final String WEFT_VERIFY = "weft --verify";
    public static final String CP_SHA256SUM = "cp + sha256sum";

    private final WeftProgram weft;
    private final WeftProgram verifying;
    private final int files;
    private final long largeBytes;
    private final int rounds;
    private final Consumer<String> progress;

    public CopyBench(WeftProgram weft, int files, long largeBytes, int rounds, Consumer<String> progress) {
        this(weft, null, files, largeBytes, rounds, progress);
    }

    /**
     * Also times {@code weft copy --verify}, run by {@code verifying} (as ./weft runs it: with the optimising compiler),
     * against cp followed by sha256sum of the source and the copy; null leaves both out.
     */
    public CopyBench(WeftProgram weft, WeftProgram verifying, int files, long largeBytes, int rounds,
                     Consumer<String> progress) {
        InterleavedRounds.requireBetween("--files", files, 1, 1000000);
        if (largeBytes < 0) {
            throw new IllegalArgumentException("--large must not be negative, not " + largeBytes);
        }
        InterleavedRounds.requireBetween("--rounds", rounds, 1, 50);
        this.weft = weft;
        this.verifying = verifying;
        this.files = files;
        this.largeBytes = largeBytes;
        this.rounds = rounds;
        this.progress = progress;
    }

    public ToolReport run(String command, Path work) throws IOException, InterruptedException {
        List<String> notes = new ArrayList<>();
        List<ToolContender> contenders = contenders(notes);
        List<InterleavedRounds.Workload> workloads = new ArrayList<>();
        progress.accept(String.format(Locale.ROOT, "writing %,d small files%s", files,
                largeBytes > 0 ? String.format(Locale.ROOT, " and a %,d MiB file", largeBytes >> 20) : ""));
        Path small = smallTree(work.resolve("small"), files, PER_FOLDER);
        workloads.add(new InterleavedRounds.Workload(SMALL, small, TreeStats.of(small)));
        if (largeBytes > 0) {
            Path large = largeFile(work.resolve("large.bin"), largeBytes);
            workloads.add(new InterleavedRounds.Workload(LARGE, large, TreeStats.of(large)));
        }
        double startup = weft.startupSeconds(work.resolve("startup.log"), 3);
        List<ToolReport.Row> rows = new InterleavedRounds(contenders, rounds, progress).run(workloads, work);
        notes.addAll(List.of(
                rounds + " interleaved round(s); medians. Each run copies into a new folder after an untimed `sync`; "
                        + "copies are deleted after the last run (deleting between runs slowed the next program); "
                        + "after each run the copy must hold the source's file count and bytes.",
                "Page cache: warm for every program alike: the sources were just written and fit in RAM, so every copy "
                        + "reads from memory, and writes go to the page cache (no program calls fsync).",
                "Each program runs as its own process: weft's times include starting its JVM (`weft --version` takes "
                        + WeftProgram.seconds(startup) + ", median of 3). " + WeftJvm.current().describe(),
                "Metadata: weft keeps modification times (its default `--preserve times`), `rsync -a` keeps times, "
                        + "permissions and owners, `cp -r` keeps none.",
                String.format(Locale.ROOT, "Inputs: %,d files of %d-%d KiB in folders of %d; one file of %,d MiB.", files,
                        SMALL_MIN >> 10, SMALL_MAX >> 10, PER_FOLDER, largeBytes >> 20)));
        List<ToolReport.Goal> goals = List.of(
                ToolReport.goal(rows, SMALL, "cp", 1.0, "faster than cp -r", startup),
                ToolReport.goal(rows, SMALL, "rsync", 1.0, "faster than rsync -a", startup),
                ToolReport.goal(rows, LARGE, "cp", 0.95, ">= 0.95x cp's speed", startup),
                ToolReport.goal(rows, LARGE, WEFT_VERIFY, CP_SHA256SUM, 0.9, ">= 0.9x cp then sha256sum of both", startup));
        return new ToolReport("copy", command, OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.SECONDS).toString(),
                ToolReport.Machine.here(), notes, startup, rows, goals);
    }

    private List<ToolContender> contenders(List<String> notes) throws IOException, InterruptedException {
        List<ToolContender> contenders = new ArrayList<>();
        contenders.add(weft.contender(ToolContender.WEFT, weft.version(),
                (from, to) -> List.of("copy", from.toString(), to.toString())));
        Optional<NativeTool> cp = NativeTool.locate("cp", "coreutils");
        Optional<NativeTool> rsync = NativeTool.locate("rsync", "rsync");
        if (cp.isPresent()) {
            contenders.add(new ToolContender("cp", cp.get().version(),
                    (from, to) -> List.of(cp.get().path(), "-r", from.toString(), to.toString())));
        } else {
            notes.add("cp is not installed and could not be installed: left out.");
        }
        if (rsync.isPresent()) {
            contenders.add(new ToolContender("rsync", rsync.get().version(), (from, to) -> List.of(rsync.get().path(), "-a",
                    Files.isDirectory(from) ? from + "/" : from.toString(), to.toString())));
        } else {
            notes.add("rsync is not installed and could not be installed (apt-get install rsync, as root): left out.");
        }
        if (verifying != null && cp.isPresent()) {
            contenders.add(verifying.contender(WEFT_VERIFY, verifying.version(),
                    (from, to) -> List.of("copy", "--verify", from.toString(), to.toString())));
            // sha256sum reads the source and the copy, as weft --verify hashes both
            contenders.add(new ToolContender(CP_SHA256SUM, cp.get().version(), (from, to) -> List.of("sh", "-c",
                    "\"$1\" -r \"$2\" \"$3\" && find \"$2\" \"$3\" -type f -exec sha256sum {} + >/dev/null",
                    "sh", cp.get().path(), from.toString(), to.toString())));
        }
        return contenders;
    }

    /** {@code count} files of 1 to 8 KiB of random bytes, {@code perFolder} to a folder ({@code d0000}, {@code d0001}...). */
    static Path smallTree(Path root, int count, int perFolder) throws IOException {
        Random random = new Random(10);
        byte[] noise = new byte[1 << 16];
        random.nextBytes(noise);
        for (int i = 0; i < count; i++) {
            Path folder = Files.createDirectories(root.resolve(String.format(Locale.ROOT, "d%04d", i / perFolder)));
            int size = SMALL_MIN + random.nextInt(SMALL_MAX - SMALL_MIN + 1);
            int offset = random.nextInt(noise.length - size);
            try (var out = Files.newOutputStream(folder.resolve(String.format(Locale.ROOT, "f%06d.bin", i)))) {
                out.write(noise, offset, size);
            }
        }
        return root;
    }

    /** One file of {@code bytes} bytes: 8 MiB of random bytes repeated. */
    static Path largeFile(Path file, long bytes) throws IOException {
        byte[] block = new byte[8 << 20];
        new Random(11).nextBytes(block);
        try (FileChannel out = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            for (long written = 0; written < bytes; ) {
                ByteBuffer chunk = ByteBuffer.wrap(block, 0, (int) Math.min(block.length, bytes - written));
                while (chunk.hasRemaining()) {
                    written += out.write(chunk);
                }
            }
        }
        return file;
    }
}
