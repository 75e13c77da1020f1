package dev.weft.tools.news;

import dev.weft.tools.session.SessionFailure;

/** A failed NNTP step, with a one-line message naming the step and the bad input, like the seed's checks. */
public final class NewsFailure extends SessionFailure {

    private static final long serialVersionUID = 1L;

    /** The step that failed; each has its own wording. */
    public enum Step {
        CONNECT("cannot reach %s"),
        TLS("TLS negotiation with %s failed"),
        LOGIN("login refused for %s"),
        GROUP("cannot read group %s"),
        ARTICLE("cannot read article %s"),
        POST("posting to %s refused"),
        COMMAND("%s failed");

        private final String wording;

        Step(String wording) {
            this.wording = wording;
        }
    }

    private final Step step;

    public NewsFailure(Step step, String subject, String detail) {
        this(step, subject, detail, null);
    }

    public NewsFailure(Step step, String subject, String detail, Throwable cause) {
        super(step.wording, subject, detail, cause);
        this.step = step;
    }

    public Step step() {
        return step;
    }
}
