package dev.weft.tools.progress;

/**
 * Listens to a running copy or download. Called from many worker threads at once, so implementations are thread-safe;
 * the work never depends on what a listener does, which keeps the logic testable apart from any display.
 */
public interface Progress {

    /** More work became known: {@code items} more items of {@code bytes} more bytes (0 when the size is not yet known). */
    void planned(long items, long bytes);

    /** {@code bytes} more bytes were moved; negative when a restarted transfer throws away what it had. */
    void transferred(long bytes);

    /** One item reached its end: done, skipped or failed. */
    void finished(Outcome outcome);

    /** A listener that ignores everything. */
    static Progress none() {
        return Silent.INSTANCE;
    }

    /** Tells this listener first, then {@code next}. */
    default Progress and(Progress next) {
        Progress first = this;
        return new Progress() {
            @Override
            public void planned(long items, long bytes) {
                first.planned(items, bytes);
                next.planned(items, bytes);
            }

            @Override
            public void transferred(long bytes) {
                first.transferred(bytes);
                next.transferred(bytes);
            }

            @Override
            public void finished(Outcome outcome) {
                first.finished(outcome);
                next.finished(outcome);
            }
        };
    }

    /** The listener behind {@link #none()}. */
    enum Silent implements Progress {
        INSTANCE;

        @Override
        public void planned(long items, long bytes) {
        }

        @Override
        public void transferred(long bytes) {
        }

        @Override
        public void finished(Outcome outcome) {
        }
    }
}
