package dev.weft.tools.copy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Where a copy writes before its work is visible. A file copied into a directory that was already there goes to
 * {@code .NAME.weft-part} beside its target and is renamed onto it when complete. A directory the copy creates is itself
 * made under that name and filled with everything below it under their final names, then moved into place in one
 * rename when the copy ends (or is interrupted): an interrupted copy never leaves a truncated file under a final name,
 * yet a new tree costs one rename instead of one per file (on ext4 a rename took as long as creating the file). A
 * staging directory left by a killed copy is taken up again by the next run, which finds its finished files with
 * {@code --update}.
 */
final class Staging {

    private Staging() {
    }

    /** The name {@code target} is written under until it is complete. */
    static Path nameFor(Path target) {
        return target.resolveSibling("." + target.getFileName() + ".weft-part");
    }

    /** Moves a staged directory onto its final place ({@link Entry#moveTo}) in one rename. */
    static void moveIntoPlace(Entry directory) throws IOException {
        try {
            Files.move(directory.to(), directory.moveTo(), StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new IOException("the copy is in " + directory.to() + " but could not be moved to "
                    + directory.moveTo() + ": " + e, e);
        }
    }
}
