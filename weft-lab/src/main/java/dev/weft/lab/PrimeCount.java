package dev.weft.lab;

/**
 * The CPU-bound job of the processes and io-vs-cpu experiments: counting primes by trial division.
 * The numbers below a limit are dealt out in blocks, round-robin, so every part gets a fair share of the costly
 * large numbers and the parts cost about the same.
 */
final class PrimeCount {

    static final int BLOCK = 1000;

    private PrimeCount() {
    }

    /** How many primes below {@code limit} fall in the blocks of part {@code part} of {@code parts}. */
    static long count(long limit, int parts, int part) {
        long found = 0;
        for (long block = (long) part * BLOCK; block < limit; block += (long) parts * BLOCK) {
            long end = Math.min(limit, block + BLOCK);
            for (long n = block; n < end; n++) {
                if (isPrime(n)) {
                    found++;
                }
            }
        }
        return found;
    }

    static boolean isPrime(long n) {
        if (n < 2) {
            return false;
        }
        if (n % 2 == 0) {
            return n == 2;
        }
        for (long d = 3; d * d <= n; d += 2) {
            if (n % d == 0) {
                return false;
            }
        }
        return true;
    }
}
