package dev.weft.lab;

import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * What the user asked of an experiment. Sizes left out ({@code null}) take the experiment's own default,
 * so one record serves every experiment; values are checked here, once.
 */
public record LabOptions(Integer threads, Integer iterations, long seed, boolean lock, Optional<Fix> fix) {

    /** The seed used when none is given, so that two runs of the same command plan the same work. */
    public static final long DEFAULT_SEED = 42;

    public LabOptions {
        if (threads != null && threads < 1) {
            throw new IllegalArgumentException("--threads must be at least 1, not " + threads);
        }
        if (iterations != null && iterations < 1) {
            throw new IllegalArgumentException("--iterations must be at least 1, not " + iterations);
        }
        fix = fix == null ? Optional.empty() : fix;
    }

    /** Every size at its experiment's default. */
    public static LabOptions defaults() {
        return new LabOptions(null, null, DEFAULT_SEED, false, Optional.empty());
    }

    public LabOptions withThreads(int n) {
        return new LabOptions(n, iterations, seed, lock, fix);
    }

    public LabOptions withIterations(int n) {
        return new LabOptions(threads, n, seed, lock, fix);
    }

    public LabOptions withLock(boolean locked) {
        return new LabOptions(threads, iterations, seed, locked, fix);
    }

    public LabOptions withFix(Fix chosen) {
        return new LabOptions(threads, iterations, seed, lock, Optional.of(chosen));
    }

    public LabOptions withSeed(long s) {
        return new LabOptions(threads, iterations, s, lock, fix);
    }

    public int threadsOr(int fallback) {
        return threads == null ? fallback : threads;
    }

    public int iterationsOr(int fallback) {
        return iterations == null ? fallback : iterations;
    }

    /** The knobs these options set away from their defaults. */
    public Set<Knob> given() {
        Set<Knob> set = EnumSet.noneOf(Knob.class);
        if (threads != null) {
            set.add(Knob.THREADS);
        }
        if (iterations != null) {
            set.add(Knob.ITERATIONS);
        }
        if (seed != DEFAULT_SEED) {
            set.add(Knob.SEED);
        }
        if (lock) {
            set.add(Knob.LOCK);
        }
        if (fix.isPresent()) {
            set.add(Knob.FIX);
        }
        return set;
    }

    /** Fails naming the value when a size is above what the experiment can run in bounded time and memory. */
    public static int atMost(int value, int max, String experiment, Knob knob) {
        if (value > max) {
            throw new IllegalArgumentException(experiment + ": " + knob.option() + " " + value + " is more than " + max);
        }
        return value;
    }
}
