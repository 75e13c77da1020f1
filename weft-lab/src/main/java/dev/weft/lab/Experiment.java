package dev.weft.lab;

import java.util.Set;

/**
 * One lesson of the seeds run as a measured experiment: real threads or processes do the scenario,
 * and the {@link Result} says what was measured and why it came out that way.
 */
public interface Experiment {

    /** The name used on the command line, e.g. {@code race}. */
    String name();

    /** The seed lesson it runs: seed file and section, e.g. {@code seed 000, 四、同步锁 (Lock)}. */
    String lesson();

    /** One line saying what the experiment shows. */
    String summary();

    /** The options this experiment reads; any other option given to it is a usage error. */
    Set<Knob> knobs();

    /** The options {@code weft lab all} runs it with: the defaults, or smaller where the defaults take long. */
    default LabOptions quick() {
        return LabOptions.defaults();
    }

    /** Runs the experiment; every wait inside is bounded, so this returns or throws {@link LabFailure}. */
    Result run(LabOptions options) throws InterruptedException;
}
