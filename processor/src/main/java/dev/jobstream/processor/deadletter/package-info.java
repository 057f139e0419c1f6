/**
 * The dead-letter queue: jobs out of retries, and records that can never run, with the reason in headers.
 */
@NullMarked
package dev.jobstream.processor.deadletter;

import org.jspecify.annotations.NullMarked;
