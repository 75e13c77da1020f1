package dev.weft.tools.ftp;

import dev.weft.tools.session.SessionFailure;

/**
 * A failed FTP step, with a one-line message that names the step and the bad input,
 * like the seed's checks: "cannot reach ...", "login refused ...", "no such file ...".
 */
public final class FtpFailure extends SessionFailure {

    private static final long serialVersionUID = 1L;

    /** The step that failed; each has its own wording. */
    public enum Step {
        CONNECT("cannot reach %s"),
        TLS("TLS negotiation with %s failed"),
        LOGIN("login refused for %s"),
        DIRECTORY("no such directory: %s"),
        FILE("no such file: %s"),
        TRANSFER("transfer failed for %s"),
        COMMAND("%s refused"),
        LOCAL("cannot use local file %s");

        private final String wording;

        Step(String wording) {
            this.wording = wording;
        }
    }

    private final Step step;
    private final String subject;
    private final String detail;

    public FtpFailure(Step step, String subject, String detail) {
        this(step, subject, detail, null);
    }

    public FtpFailure(Step step, String subject, String detail, Throwable cause) {
        super(step.wording, subject, detail, cause);
        this.step = step;
        this.subject = subject;
        this.detail = detail;
    }

    /** The same failure with a hint for the user appended, e.g. how to resume. */
    public FtpFailure withHint(String hint) {
        return new FtpFailure(step, subject, detail == null || detail.isBlank() ? hint : detail + "; " + hint, this);
    }

    public Step step() {
        return step;
    }

    /** The path, host or command the step was about. */
    public String subject() {
        return subject;
    }
}
