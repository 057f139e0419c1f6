/**
 * Reading the jobs topic: the consumer loop, per-partition offsets, back-pressure and rebalances.
 */
@NullMarked
package dev.jobstream.processor.consumption;

import org.jspecify.annotations.NullMarked;
