/**
 * The benchmark harness: drives a running Jobstream (launched by the harness, or one at given addresses) and
 * prints throughput, latency percentiles and memory.
 */
@NullMarked
package dev.jobstream.benchmark;

import org.jspecify.annotations.NullMarked;
