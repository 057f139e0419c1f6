/**
 * The tables that decide whether an attempt may run: job runs, which keep a finished attempt from running twice,
 * and cancellations, which keep a cancelled job from running again.
 */
@NullMarked
package dev.jobstream.processor.claim;

import org.jspecify.annotations.NullMarked;
