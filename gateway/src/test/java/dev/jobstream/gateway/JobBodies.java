package dev.jobstream.gateway;

/**
 * Submission bodies the tests send.
 */
public final class JobBodies {

    private JobBodies() {
    }

    public static String sleepJob(int seconds) {
        return "{\"payload\": {\"type\": \"sleep\", \"duration\": " + seconds + "}}";
    }

    public static String computeJob(long size, int maxRetries) {
        return "{\"payload\": {\"type\": \"compute\", \"size\": " + size + "}, \"max_retries\": " + maxRetries + "}";
    }
}
