/**
 * Publishing job status events on the job-status topic.
 */
@NullMarked
package dev.jobstream.processor.status;

import org.jspecify.annotations.NullMarked;
