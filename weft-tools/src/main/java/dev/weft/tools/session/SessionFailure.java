package dev.weft.tools.session;

import java.io.IOException;

/**
 * A failed step of a session with a server (FTP, NNTP), as one line: the step's wording filled with the bad input,
 * then what went wrong ("no such file: /pub/x: 550 not found"). Each protocol keeps its own steps and wording in its
 * own subclass; this class holds the one way the line is made, and lets the CLI report any of them alike.
 */
public abstract class SessionFailure extends IOException {

    private static final long serialVersionUID = 1L;

    /** {@code wording} has one %s for {@code subject}; {@code detail} follows a colon unless blank. */
    protected SessionFailure(String wording, String subject, String detail, Throwable cause) {
        super(wording.formatted(subject) + (detail == null || detail.isBlank() ? "" : ": " + detail), cause);
    }
}
