package dev.weft.services.files;

/** Told how a transfer is going, for a progress bar: bytes done so far out of the total. */
@FunctionalInterface
public interface TransferListener {

    TransferListener NONE = (name, done, total) -> { };

    /**
     * Called on the transferring thread as bytes move; {@code total} is -1 while unknown (raw protocol).
     *
     * @param name the remote path being transferred
     */
    void progress(String name, long done, long total);
}
