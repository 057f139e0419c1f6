package dev.jobstream.processor.handler;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Counts primes with a segmented sieve of Eratosthenes: memory stays at one segment whatever the limit, and the
 * count checks for interruption between segments, so a large compute job can still be stopped.
 */
final class PrimeCounter {

    private static final int SEGMENT = 1 << 16;

    private PrimeCounter() {
    }

    /** How many primes are at most {@code limit}. */
    static long countUpTo(long limit) throws InterruptedException {
        if (limit < 2) {
            return 0;
        }
        int[] sievingPrimes = primesUpTo(squareRoot(limit));
        boolean[] composite = new boolean[SEGMENT];
        long count = 0;
        for (long low = 2; low <= limit; low += SEGMENT) {
            if (Thread.interrupted()) {
                throw new InterruptedException("prime count interrupted below " + low);
            }
            long high = Math.min(low + SEGMENT - 1, limit);
            count += countSegment(low, high, sievingPrimes, composite);
        }
        return count;
    }

    private static long countSegment(long low, long high, int[] sievingPrimes, boolean[] composite) {
        Arrays.fill(composite, false);
        for (int prime : sievingPrimes) {
            long square = (long) prime * prime;
            if (square > high) {
                break;
            }
            long first = Math.max(square, (low + prime - 1) / prime * prime);
            for (long multiple = first; multiple <= high; multiple += prime) {
                composite[(int) (multiple - low)] = true;
            }
        }
        long count = 0;
        for (int i = 0; i <= high - low; i++) {
            if (!composite[i]) {
                count++;
            }
        }
        return count;
    }

    private static int[] primesUpTo(int limit) {
        boolean[] composite = new boolean[limit + 1];
        List<Integer> primes = new ArrayList<>();
        for (int n = 2; n <= limit; n++) {
            if (!composite[n]) {
                primes.add(n);
                for (long multiple = (long) n * n; multiple <= limit; multiple += n) {
                    composite[(int) multiple] = true;
                }
            }
        }
        return primes.stream().mapToInt(Integer::intValue).toArray();
    }

    private static int squareRoot(long value) {
        long root = (long) Math.sqrt((double) value);
        while (root * root > value) {
            root--;
        }
        while ((root + 1) * (root + 1) <= value) {
            root++;
        }
        return (int) root;
    }
}
