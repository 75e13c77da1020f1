package dev.weft.tools.copy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributeView;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.weft.tools.progress.Outcome;
import dev.weft.tools.progress.Progress;
import dev.weft.tools.progress.Report;

/** The copier's behaviours on small trees: what it copies, what it keeps, what it skips, and how it fails. */
class CopierTest {

    @TempDir
    Path dir;

    @Test
    void copiesFilesEmptyDirectoriesAndSymlinksAsLinks() throws Exception {
        Path source = Trees.smallTree(dir.resolve("src"));

        Report report = Copier.copy(CopyOptions.of(source, dir.resolve("dst")), Progress.none());

        assertThat(report.failures()).isEmpty();
        assertThat(report.done()).isEqualTo(5);
        assertThat(report.bytes()).isEqualTo(5100);
        Trees.assertSameTree(source, dir.resolve("dst"), true);
        assertThat(Files.isSymbolicLink(dir.resolve("dst/link-to-a"))).isTrue();
    }

    @Test
    void followLinksCopiesWhatALinkPointsTo() throws Exception {
        Trees.file(dir.resolve("src/real.txt"), 10, 1);
        Files.createSymbolicLink(dir.resolve("src/alias.txt"), Path.of("real.txt"));

        Copier.copy(CopyOptions.of(dir.resolve("src"), dir.resolve("dst")).withFollowLinks(true), Progress.none());

        assertThat(Files.isSymbolicLink(dir.resolve("dst/alias.txt"))).isFalse();
        assertThat(Files.mismatch(dir.resolve("dst/alias.txt"), dir.resolve("src/real.txt"))).isEqualTo(-1L);
    }

    @Test
    void followLinksReportsALinkBackIntoTheTreeAsALoopAndCopiesTheRest() throws Exception {
        Trees.file(dir.resolve("src/sub/a.txt"), 10, 1);
        Files.createSymbolicLink(dir.resolve("src/sub/up"), Path.of(".."));

        Report report = Copier.copy(CopyOptions.of(dir.resolve("src"), dir.resolve("dst")).withFollowLinks(true),
                Progress.none());

        assertThat(report.failures()).extracting(Outcome::item).containsExactly("sub/up");
        assertThat(Files.mismatch(dir.resolve("src/sub/a.txt"), dir.resolve("dst/sub/a.txt"))).isEqualTo(-1L);
    }

    @Test
    void aTreeDeeperThanTheCallersStackIsCopied() throws Exception {
        Path deepest = dir.resolve("src");
        for (int i = 0; i < 400; i++) { // a walk that recursed would need about 500 KiB of stack for this
            deepest = deepest.resolve("d");
        }
        Trees.file(deepest.resolve("f.txt"), 10, 1);
        AtomicReference<Object> result = new AtomicReference<>();
        Thread smallStack = Thread.ofPlatform().stackSize(128 * 1024).start(() -> {
            try {
                result.set(Copier.copy(CopyOptions.of(dir.resolve("src"), dir.resolve("dst")), Progress.none()));
            } catch (Throwable e) {
                result.set(e);
            }
        });
        smallStack.join();

        assertThat(result.get()).isInstanceOf(Report.class);
        Path copied = dir.resolve("dst").resolve(dir.resolve("src").relativize(deepest)).resolve("f.txt");
        assertThat(Files.mismatch(deepest.resolve("f.txt"), copied)).isEqualTo(-1L);
    }

    @Test
    void followLinksCopiesABrokenLinkAsALink() throws Exception {
        Trees.file(dir.resolve("src/a.txt"), 10, 1);
        Files.createSymbolicLink(dir.resolve("src/dangling"), Path.of("nowhere"));

        Report report = Copier.copy(CopyOptions.of(dir.resolve("src"), dir.resolve("dst")).withFollowLinks(true),
                Progress.none());

        assertThat(report.failures()).isEmpty();
        assertThat(Files.readSymbolicLink(dir.resolve("dst/dangling"))).isEqualTo(Path.of("nowhere"));
    }

    @Test
    void keepsFileModificationAndAccessTimesByDefault() throws Exception {
        Path file = Trees.file(dir.resolve("src/a.txt"), 10, 1);
        FileTime modified = FileTime.fromMillis(1_000_000_000_000L);
        FileTime accessed = FileTime.fromMillis(1_100_000_000_000L);
        Files.getFileAttributeView(file, BasicFileAttributeView.class).setTimes(modified, accessed, null);

        Copier.copy(CopyOptions.of(dir.resolve("src"), dir.resolve("dst")), Progress.none());

        BasicFileAttributes copy = Files.readAttributes(dir.resolve("dst/a.txt"), BasicFileAttributes.class);
        assertThat(copy.lastModifiedTime()).isEqualTo(modified);
        assertThat(copy.lastAccessTime()).isEqualTo(accessed);
    }

    @Test
    void keepsDirectoryModificationTimesAfterFillingThem() throws Exception {
        Path source = Trees.smallTree(dir.resolve("src"));
        FileTime old = FileTime.fromMillis(900_000_000_000L);
        Files.setLastModifiedTime(source.resolve("sub"), old);

        Copier.copy(CopyOptions.of(source, dir.resolve("dst")), Progress.none());

        assertThat(Files.getLastModifiedTime(dir.resolve("dst/sub"))).isEqualTo(old);
    }

    @Test
    void copiesAreNeverOpenToMorePeopleThanTheirSource() throws Exception {
        Path key = Trees.file(dir.resolve("src/key"), 10, 1);
        Path script = Trees.file(dir.resolve("src/run.sh"), 10, 2);
        Path inner = Trees.file(dir.resolve("src/private/notes.txt"), 10, 3);
        Files.setPosixFilePermissions(key, PosixFilePermissions.fromString("rw-------"));
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.setPosixFilePermissions(inner, PosixFilePermissions.fromString("rw-r-----"));
        Files.setPosixFilePermissions(dir.resolve("src/private"), PosixFilePermissions.fromString("rwx------"));

        Copier.copy(CopyOptions.of(dir.resolve("src"), dir.resolve("dst")), Progress.none());

        for (String name : List.of("key", "run.sh", "private/notes.txt", "private")) {
            assertThat(Files.getPosixFilePermissions(dir.resolve("dst").resolve(name))).as(name)
                    .isSubsetOf(Files.getPosixFilePermissions(dir.resolve("src").resolve(name)));
        }
        assertThat(Files.getPosixFilePermissions(dir.resolve("dst/run.sh"))).as("scripts stay executable")
                .contains(PosixFilePermission.OWNER_EXECUTE);
    }

    @Test
    void aReadOnlyDirectoryIsFilledThenMadeReadOnlyAsItsSource() throws Exception {
        Path inside = Trees.file(dir.resolve("src/locked/a.txt"), 10, 1);
        Files.setPosixFilePermissions(dir.resolve("src/locked"), PosixFilePermissions.fromString("r-xr-xr-x"));
        try {
            Copier.copy(CopyOptions.of(dir.resolve("src"), dir.resolve("dst")), Progress.none());

            assertThat(Files.mismatch(inside, dir.resolve("dst/locked/a.txt"))).isEqualTo(-1L);
            assertThat(Files.getPosixFilePermissions(dir.resolve("dst/locked")))
                    .doesNotContain(PosixFilePermission.OWNER_WRITE).contains(PosixFilePermission.OWNER_READ);
        } finally { // so that the temp folder can be removed by a user who is not root
            Files.setPosixFilePermissions(dir.resolve("src/locked"), PosixFilePermissions.fromString("rwxr-xr-x"));
            if (Files.isDirectory(dir.resolve("dst/locked"))) {
                Files.setPosixFilePermissions(dir.resolve("dst/locked"), PosixFilePermissions.fromString("rwxr-xr-x"));
            }
        }
    }

    @Test
    void aDirectoryThatWasAlreadyThereKeepsItsPermissions() throws Exception {
        Trees.file(dir.resolve("src/locked/a.txt"), 10, 1);
        Files.setPosixFilePermissions(dir.resolve("src/locked"), PosixFilePermissions.fromString("r-xr-xr-x"));
        Files.createDirectories(dir.resolve("dst/locked"));
        Files.setPosixFilePermissions(dir.resolve("dst/locked"), PosixFilePermissions.fromString("rwx------"));
        try {
            Copier.copy(CopyOptions.of(dir.resolve("src"), dir.resolve("dst")), Progress.none());

            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("dst/locked"))))
                    .isEqualTo("rwx------");
        } finally {
            Files.setPosixFilePermissions(dir.resolve("src/locked"), PosixFilePermissions.fromString("rwxr-xr-x"));
        }
    }

    @Test
    void preservesExactPermissionsOnlyWhenAsked() throws Exception {
        Path script = Trees.file(dir.resolve("src/run.sh"), 10, 1);
        Path open = Trees.file(dir.resolve("src/open.txt"), 10, 2);
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("r-x------"));
        Files.setPosixFilePermissions(open, PosixFilePermissions.fromString("rwxrwxrwx"));

        Copier.copy(CopyOptions.of(dir.resolve("src"), dir.resolve("kept"))
                .withPreserve(Set.of(Preserve.TIMES, Preserve.PERMS)), Progress.none());
        Copier.copy(CopyOptions.of(dir.resolve("src"), dir.resolve("plain")), Progress.none());

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("kept/run.sh"))))
                .isEqualTo("r-x------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("kept/open.txt"))))
                .as("exact, whatever the umask").isEqualTo("rwxrwxrwx");
        assertThat(Files.getPosixFilePermissions(dir.resolve("plain/open.txt"))).as("the umask applies")
                .isSubsetOf(Files.getPosixFilePermissions(open));
    }

    @Test
    void aLeftoverTempFileIsReplacedWithTheSourcesPermissions() throws Exception {
        Path source = Trees.file(dir.resolve("src/a.txt"), 100, 1);
        Files.setPosixFilePermissions(source, PosixFilePermissions.fromString("rw-------"));
        Path leftover = Trees.file(dir.resolve("dst/.a.txt.weft-part"), 5000, 2);
        Files.setPosixFilePermissions(leftover, PosixFilePermissions.fromString("rw-rw-rw-"));

        Report report = Copier.copy(CopyOptions.of(dir.resolve("src"), dir.resolve("dst")), Progress.none());

        assertThat(report.done()).isEqualTo(1);
        assertThat(Files.mismatch(source, dir.resolve("dst/a.txt"))).isEqualTo(-1L);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("dst/a.txt"))))
                .isEqualTo("rw-------");
        assertThat(leftover).doesNotExist();
    }

    @Test
    void withoutPreservingTimesTheCopyIsNew() throws Exception {
        Path source = Trees.smallTree(dir.resolve("src"));

        Copier.copy(CopyOptions.of(source, dir.resolve("dst")).withPreserve(Set.of()), Progress.none());

        assertThat(Files.getLastModifiedTime(dir.resolve("dst/a.txt")))
                .isNotEqualTo(Files.getLastModifiedTime(source.resolve("a.txt")));
    }

    @Test
    void updateSkipsFilesWhoseSizeAndTimeMatchAndCopiesTheRest() throws Exception {
        Path source = Trees.smallTree(dir.resolve("src"));
        Copier.copy(CopyOptions.of(source, dir.resolve("dst")), Progress.none());
        Trees.file(source.resolve("sub/b.bin"), 5000, 99);
        Files.setLastModifiedTime(source.resolve("sub/b.bin"), FileTime.fromMillis(1_500_000_000_000L));

        Report rerun = Copier.copy(CopyOptions.of(source, dir.resolve("dst")).withUpdate(true), Progress.none());

        assertThat(rerun.done()).isEqualTo(1);
        assertThat(rerun.skipped()).isEqualTo(4);
        Trees.assertSameTree(source, dir.resolve("dst"), true);
    }

    @Test
    void verifyChecksEveryCopiedFile() throws Exception {
        Path source = Trees.smallTree(dir.resolve("src"));

        Report report = Copier.copy(CopyOptions.of(source, dir.resolve("dst")).withVerify(true), Progress.none());

        assertThat(report.failures()).isEmpty();
        assertThat(report.done()).isEqualTo(5);
        Trees.assertSameTree(source, dir.resolve("dst"), true);
    }

    @Test
    void excludeLeavesOutMatchingNamesAtAnyDepthAndMatchingPaths() throws Exception {
        Trees.file(dir.resolve("src/keep.txt"), 1, 1);
        Trees.file(dir.resolve("src/skip.tmp"), 1, 2);
        Trees.file(dir.resolve("src/deep/also.tmp"), 1, 3);
        Trees.file(dir.resolve("src/build/out.class"), 1, 4);
        Trees.file(dir.resolve("src/deep/build/kept.class"), 1, 5);

        Copier.copy(CopyOptions.of(dir.resolve("src"), dir.resolve("dst")).withExcludes(List.of("*.tmp", "build/**")),
                Progress.none());

        assertThat(Trees.listing(dir.resolve("dst")).keySet())
                .containsExactlyInAnyOrder("keep.txt", "deep", "deep/build", "deep/build/kept.class", "build");
    }

    @Test
    void dryRunListsThePlanAndWritesNothing() throws Exception {
        Path source = Trees.smallTree(dir.resolve("src"));

        CopyPlan plan = CopyPlan.scan(CopyOptions.of(source, dir.resolve("dst")).withDryRun(true));

        assertThat(plan.actions()).contains("copy sub/b.bin (4.9 KiB)", "link link-to-a").hasSize(5);
        assertThat(dir.resolve("dst")).doesNotExist();
    }

    @Test
    void copiesASingleFileIntoAnExistingDirectory() throws Exception {
        Path file = Trees.file(dir.resolve("one.bin"), 300, 1);
        Files.createDirectories(dir.resolve("into"));

        Report report = Copier.copy(CopyOptions.of(file, dir.resolve("into")), Progress.none());

        assertThat(report.done()).isEqualTo(1);
        assertThat(Files.mismatch(file, dir.resolve("into/one.bin"))).isEqualTo(-1L);
    }

    @Test
    void filesAreCopiedWhileTheWalkGoesOn() throws Exception {
        Trees.file(dir.resolve("src/a/one.txt"), 100, 1);
        Trees.file(dir.resolve("src/b/two.txt"), 100, 2);
        CountDownLatch firstCopied = new CountDownLatch(1);
        AtomicBoolean copiedBeforeSecondDirectoryWasPlanned = new AtomicBoolean();
        AtomicLong batches = new AtomicLong();
        Progress walkWaitsForACopy = new Progress() {
            @Override public void planned(long items, long bytes) {
                // called on the walking thread: the second directory's files are not reported until a copy is done
                if (batches.incrementAndGet() == 2) {
                    try {
                        copiedBeforeSecondDirectoryWasPlanned.set(firstCopied.await(10, TimeUnit.SECONDS));
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
            }
            @Override public void transferred(long bytes) { }
            @Override public void finished(Outcome outcome) {
                firstCopied.countDown();
            }
        };

        Report report = Copier.copy(CopyOptions.of(dir.resolve("src"), dir.resolve("dst")), walkWaitsForACopy);

        assertThat(copiedBeforeSecondDirectoryWasPlanned).isTrue();
        assertThat(report.done()).isEqualTo(2);
    }

    @Test
    void aNewFolderIsFilledUnderAStagingNameAndAppearsWholeAtTheEnd() throws Exception {
        Path source = Trees.smallTree(dir.resolve("src"));
        Path staged = dir.resolve(".dst.weft-part");
        List<String> seenWhileCopying = new CopyOnWriteArrayList<>();
        Progress watcher = listener(bytes -> { }, outcome -> seenWhileCopying.add(
                Files.exists(dir.resolve("dst")) + " " + Files.isDirectory(staged)));

        Report report = Copier.copy(CopyOptions.of(source, dir.resolve("dst")), watcher);

        assertThat(report.failures()).isEmpty();
        assertThat(seenWhileCopying).as("final folder there, staging folder there").isNotEmpty()
                .containsOnly("false true");
        assertThat(staged).doesNotExist();
        Trees.assertSameTree(source, dir.resolve("dst"), true);
    }

    @Test
    void aNewFolderInsideAnExistingTargetIsStagedOnItsOwnWhileFilesBesideItGetTempNames() throws Exception {
        Trees.file(dir.resolve("src/top.txt"), 100, 1);
        Trees.file(dir.resolve("src/new/inner.txt"), 100, 2);
        Files.createDirectories(dir.resolve("dst"));
        List<Set<String>> seenWhileCopying = new CopyOnWriteArrayList<>();
        Progress watcher = listener(bytes -> { },
                outcome -> seenWhileCopying.add(Trees.listing(dir.resolve("dst")).keySet()));

        Report report = Copier.copy(CopyOptions.of(dir.resolve("src"), dir.resolve("dst")), watcher);

        assertThat(report.failures()).isEmpty();
        assertThat(seenWhileCopying).hasSize(2).allSatisfy(listing -> assertThat(listing)
                .contains(".new.weft-part").doesNotContain("new", "new/inner.txt"));
        assertThat(Trees.listing(dir.resolve("dst")).keySet()).containsExactlyInAnyOrder("top.txt", "new",
                "new/inner.txt");
    }

    @Test
    void aStagingFolderLeftByAKilledCopyIsTakenUpAndItsFinishedFilesKept() throws Exception {
        Path whole = Trees.file(dir.resolve("src/whole.bin"), 4000, 1);
        Path cut = Trees.file(dir.resolve("src/cut.bin"), 4000, 2);
        Path staged = dir.resolve(".dst.weft-part");
        Files.createDirectories(staged);
        Files.copy(whole, staged.resolve("whole.bin"), java.nio.file.StandardCopyOption.COPY_ATTRIBUTES);
        Files.write(staged.resolve("cut.bin"), java.util.Arrays.copyOf(Files.readAllBytes(cut), 1000));

        Report report = Copier.copy(CopyOptions.of(dir.resolve("src"), dir.resolve("dst")).withUpdate(true),
                Progress.none());

        assertThat(report.skipped()).as("whole.bin").isEqualTo(1);
        assertThat(report.done()).as("cut.bin").isEqualTo(1);
        assertThat(staged).doesNotExist();
        Trees.assertSameTree(dir.resolve("src"), dir.resolve("dst"), true);
    }

    @Test
    void aStagedFolderWhoseFinalPlaceWasTakenMeanwhileIsReportedAndKept() throws Exception {
        Trees.file(dir.resolve("src/a.txt"), 100, 1);
        Progress takesThePlace = listener(bytes -> { }, outcome -> {
            try {
                Files.createDirectories(dir.resolve("dst/someone-elses"));
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });

        Report report = Copier.copy(CopyOptions.of(dir.resolve("src"), dir.resolve("dst")), takesThePlace);

        assertThat(report.failures()).singleElement().satisfies(failure -> assertThat(failure.reason())
                .contains(".dst.weft-part").contains("could not be moved to"));
        assertThat(dir.resolve(".dst.weft-part/a.txt")).exists();
        assertThat(Trees.listing(dir.resolve("dst")).keySet()).containsExactly("someone-elses");
    }

    @Test
    void largeFileMovesInChunksThatTheProgressSees() throws Exception {
        Trees.file(dir.resolve("src/big.bin"), 20 << 20, 1);
        List<Long> steps = new CopyOnWriteArrayList<>();

        Copier.copy(CopyOptions.of(dir.resolve("src"), dir.resolve("dst")), listener(steps::add));

        assertThat(steps).hasSizeGreaterThanOrEqualTo(3).allMatch(step -> step <= 8 << 20);
        assertThat(steps.stream().mapToLong(Long::longValue).sum()).isEqualTo(20 << 20);
    }

    @Test
    void failuresAreReportedWithTheirReasonWhileTheRestIsCopied() throws Exception {
        Path source = Trees.smallTree(dir.resolve("src"));
        Trees.file(source.resolve("vanishes.txt"), 10, 7);
        Process mkfifo = new ProcessBuilder("mkfifo", source.resolve("pipe").toString()).inheritIO().start();
        assertThat(mkfifo.waitFor()).isZero();
        Trees.file(dir.resolve("dst/sub/b.bin/in-the-way.txt"), 1, 8);
        CopyPlan plan = CopyPlan.scan(CopyOptions.of(source, dir.resolve("dst")));
        Files.delete(source.resolve("vanishes.txt"));

        Report report = Copier.run(plan, Progress.none());

        assertThat(report.failures()).extracting(Outcome::item, Outcome::reason).containsExactly(
                org.assertj.core.groups.Tuple.tuple("pipe", "not a regular file, directory or link"),
                org.assertj.core.groups.Tuple.tuple("sub/b.bin", "a directory is in the way: "
                        + dir.resolve("dst/sub/b.bin")),
                org.assertj.core.groups.Tuple.tuple("vanishes.txt", "no such file or directory: "
                        + source.resolve("vanishes.txt")));
        assertThat(report.done()).isEqualTo(4);
        assertThat(Files.mismatch(source.resolve("a.txt"), dir.resolve("dst/a.txt"))).isEqualTo(-1L);
        assertThat(leftoverTempFiles(dir.resolve("dst"))).isEmpty();
    }

    @Test
    void unreadableFileIsReportedAsPermissionDenied() throws Exception {
        assumeThat(System.getProperty("user.name")).as("root reads everything").isNotEqualTo("root");
        Path secret = Trees.file(dir.resolve("src/secret.txt"), 10, 1);
        Trees.file(dir.resolve("src/public.txt"), 10, 2);
        Files.setPosixFilePermissions(secret, PosixFilePermissions.fromString("---------"));

        Report report = Copier.copy(CopyOptions.of(dir.resolve("src"), dir.resolve("dst")), Progress.none());

        assertThat(report.failures()).extracting(Outcome::reason).containsExactly("permission denied");
        assertThat(report.done()).isEqualTo(1);
    }

    @Test
    void interruptStopsTheCopyMidwayWithoutTempFilesOrPartialFiles() throws Exception {
        for (int i = 0; i < 400; i++) {
            Trees.file(dir.resolve("src/f" + i), 2000, i);
        }
        Thread copier = Thread.currentThread();
        AtomicLong finished = new AtomicLong();
        Progress interruptAt50 = new Progress() {
            @Override public void planned(long items, long bytes) { }
            @Override public void transferred(long bytes) { }
            @Override public void finished(Outcome outcome) {
                if (finished.incrementAndGet() == 50) {
                    copier.interrupt();
                }
            }
        };

        assertThatThrownBy(() -> Copier.copy(CopyOptions.of(dir.resolve("src"), dir.resolve("dst"))
                .withWorkers(Workers.of(4)), interruptAt50)).isInstanceOf(InterruptedException.class);

        List<Path> landed = Trees.listing(dir.resolve("dst")).keySet().stream().map(dir.resolve("dst")::resolve).toList();
        assertThat(landed).hasSizeBetween(50, 399);
        assertThat(leftoverTempFiles(dir.resolve("dst"))).isEmpty();
        for (Path file : landed) {
            assertThat(Files.mismatch(file, dir.resolve("src").resolve(file.getFileName()))).isEqualTo(-1L);
        }
    }

    private static Progress listener(java.util.function.LongConsumer onTransferred) {
        return listener(onTransferred, outcome -> { });
    }

    private static Progress listener(java.util.function.LongConsumer onTransferred,
                                     java.util.function.Consumer<Outcome> onFinished) {
        return new Progress() {
            @Override public void planned(long items, long bytes) { }
            @Override public void transferred(long bytes) {
                onTransferred.accept(bytes);
            }
            @Override public void finished(Outcome outcome) {
                onFinished.accept(outcome);
            }
        };
    }

    private static List<Path> leftoverTempFiles(Path root) throws IOException {
        try (Stream<Path> paths = Files.walk(root)) {
            return paths.filter(path -> path.getFileName().toString().endsWith(".weft-part")).toList();
        }
    }
}
