/**
 * Reading the {@code jobs} topic and the {@code job-status} events in batches and handing them to the read
 * model; records that cannot be read are skipped, batches that cannot be written are retried until they are.
 */
@NullMarked
package dev.jobstream.projector.intake;

import org.jspecify.annotations.NullMarked;
