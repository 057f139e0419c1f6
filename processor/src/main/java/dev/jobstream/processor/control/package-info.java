/**
 * Job control: every processor reads every cancel and discard request from {@code job-control} and applies it.
 */
@NullMarked
package dev.jobstream.processor.control;

import org.jspecify.annotations.NullMarked;
