/**
 * What ends a record of the jobs topic: the records to publish, and publishing them.
 */
@NullMarked
package dev.jobstream.processor.outcome;

import org.jspecify.annotations.NullMarked;
