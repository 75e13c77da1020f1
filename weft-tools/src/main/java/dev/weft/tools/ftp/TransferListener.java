package dev.weft.tools.ftp;

/** Follows one file transfer, for a progress bar; calls come from the transferring thread. */
public interface TransferListener {

    TransferListener NONE = new TransferListener() {
    };

    /** The transfer of name starts at offset (non-zero when resuming) of total bytes (-1 if unknown). */
    default void started(String name, long offset, long total) {
    }

    /** bytes more were transferred. */
    default void transferred(long bytes) {
    }

    /** The transfer ended, successfully or not. */
    default void finished() {
    }
}
