package dev.weft.lab;

/** Runs an experiment for a test's field initialiser, where a checked exception cannot be thrown. */
final class LabRuns {

    private LabRuns() {
    }

    static Result run(Experiment experiment, LabOptions options) {
        try {
            return experiment.run(options);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(experiment.name() + " was interrupted", e);
        }
    }
}
