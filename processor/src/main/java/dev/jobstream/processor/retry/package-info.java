/**
 * Retries: the backoff between attempts, the delay-tier retry topics a failed job waits in, and the forwarder that
 * moves it back to the jobs topic once it is due.
 */
@NullMarked
package dev.jobstream.processor.retry;

import org.jspecify.annotations.NullMarked;
