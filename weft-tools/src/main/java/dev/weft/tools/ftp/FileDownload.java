package dev.weft.tools.ftp;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

import dev.weft.client.LocalFileException;
import dev.weft.client.LocalReason;
import dev.weft.client.UserFile;
import dev.weft.tools.ftp.FtpFailure.Step;

/**
 * Downloads one remote file into {@code OUT.part} and puts it in place on success by {@link UserFile}'s rules (a
 * symlink written through, a FIFO or device written in place, a regular file renamed over). A part file left by an
 * interrupted run is resumed with REST (what lftp users expect), unless resuming is turned off.
 */
public final class FileDownload {

    /** What a download did: bytes fetched now, and the offset it resumed from (0 for a fresh start). */
    public record Result(Path file, long fetched, long resumedFrom) {
    }

    private FileDownload() {
    }

    /** The part file of {@code target}: {@code NAME.part} beside the real file (a symlink's target). */
    public static Path partOf(Path target) throws FtpFailure {
        return userFile(target).staging("", ".part");
    }

    private static UserFile userFile(Path target) throws FtpFailure {
        try {
            return UserFile.of(target);
        } catch (LocalFileException e) {
            throw new FtpFailure(Step.LOCAL, target.toString(), e.reason(), e);
        }
    }

    public static Result run(FtpSession session, String remote, Path target, boolean resume, TransferListener listener)
            throws FtpFailure {
        UserFile file = userFile(target); // a missing folder is one line before the transfer starts
        long size = session.size(remote);
        Path part = file.staging("", ".part");
        long offset = resume ? existing(part) : 0;
        if (size >= 0 && offset > size) {
            offset = 0; // the remote file shrank since: the part is not a prefix of it
        }
        long fetched = 0;
        listener.started(remote.substring(remote.lastIndexOf('/') + 1), offset, size);
        try (OutputStream out = open(part, offset)) {
            if (size < 0 || offset < size) {
                fetched = session.retrieve(remote, offset, out, listener);
            }
        } catch (FtpFailure e) {
            throw keptHint(e, part);
        } catch (IOException e) {
            throw new FtpFailure(Step.LOCAL, target.toString(), LocalReason.of(e), e);
        } finally {
            listener.finished();
        }
        long have = offset + fetched;
        if (size >= 0 && have != size) {
            throw keptHint(new FtpFailure(Step.TRANSFER, remote, "received " + have + " of " + size + " bytes"), part);
        }
        try {
            file.place(part);
        } catch (IOException e) {
            throw new FtpFailure(Step.LOCAL, target.toString(), LocalReason.of(e), e);
        }
        return new Result(target, fetched, offset);
    }

    private static long existing(Path part) throws FtpFailure {
        try {
            return Files.isRegularFile(part) ? Files.size(part) : 0;
        } catch (IOException e) {
            throw new FtpFailure(Step.LOCAL, part.toString(), LocalReason.of(e), e);
        }
    }

    private static OutputStream open(Path part, long offset) throws IOException {
        return offset > 0
                ? Files.newOutputStream(part, StandardOpenOption.WRITE, StandardOpenOption.APPEND)
                : Files.newOutputStream(part, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING,
                        StandardOpenOption.WRITE);
    }

    /** Keeps a part file with bytes in it for the next run (and says so); removes an empty one. */
    private static FtpFailure keptHint(FtpFailure failure, Path part) {
        try {
            if (Files.isRegularFile(part) && Files.size(part) == 0) {
                Files.delete(part);
                return failure;
            }
        } catch (IOException e) {
            failure.addSuppressed(e);
        }
        if (failure.step() != Step.TRANSFER || !Files.isRegularFile(part)) {
            return failure;
        }
        return failure.withHint(part.getFileName() + " is kept: run again to resume");
    }
}
