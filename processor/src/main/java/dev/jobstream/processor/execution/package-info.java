/**
 * Running one attempt of a job on a worker thread and deciding the status that follows it.
 */
@NullMarked
package dev.jobstream.processor.execution;

import org.jspecify.annotations.NullMarked;
