/**
 * Tests of the per-user concurrency limit.
 */
@NullMarked
package dev.jobstream.processor.slot;

import org.jspecify.annotations.NullMarked;
