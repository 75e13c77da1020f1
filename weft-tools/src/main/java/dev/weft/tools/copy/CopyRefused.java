package dev.weft.tools.copy;

import java.nio.file.Path;

/**
 * A copy that must not start: the source is missing, the target is inside the source (the copy would feed on itself),
 * or the target is the source. Carries both paths; the message names them.
 */
public final class CopyRefused extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient Path source;
    private final transient Path target;

    public CopyRefused(String message, Path source, Path target) {
        super(message);
        this.source = source;
        this.target = target;
    }

    public Path source() {
        return source;
    }

    public Path target() {
        return target;
    }
}
