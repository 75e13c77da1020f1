package dev.weft.lab;

/**
 * The CPU-bound job of the processes and io-vs-cpu experiments: counting primes by trial division.
 * The numbers below a limit are dealt out by residue (n mod parts), so every part costs about the same.
 */
final class PrimeCount {

    private PrimeCount() {
    }

    /** How many primes p &lt; {@code limit} have p mod {@code parts} == {@code part}. */
    static long count(long limit, int parts, int part) {
        long found = 0;
        for (long n = part; n < limit; n += parts) {
            if (isPrime(n)) {
                found++;
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
