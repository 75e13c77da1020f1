package dev.weft.lab;

import java.util.Set;

/**
 * One lesson of the seeds run as a measured experiment: real threads or processes do the scenario,
 * and the {@link Result} says what was measured and why it came out that way.
 */
public interface Experiment {

    /** The name used on the command line, e.g. {@code race}. */
    String name();

    /** One line saying what the experiment shows. */
    String summary();

    /** The options this experiment reads; any other option given to it is a usage error. */
    Set<Knob> knobs();

    /** Runs the experiment; every wait inside is bounded, so this returns or throws {@link LabFailure}. */
    Result run(LabOptions options) throws InterruptedException;
}
