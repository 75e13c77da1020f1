package dev.weft.lab;

/** An option an experiment can read; each experiment declares the ones it uses. */
public enum Knob {
    THREADS("--threads"), ITERATIONS("--iterations"), SEED("--seed"), LOCK("--lock"), FIX("--fix");

    private final String option;

    Knob(String option) {
        this.option = option;
    }

    /** The command-line spelling, e.g. {@code --threads}. */
    public String option() {
        return option;
    }
}
