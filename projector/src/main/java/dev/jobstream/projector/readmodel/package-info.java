/**
 * The read model: one row per job and its history of status events, folded from the {@code jobs} topic and the
 * {@code job-status} events and written in one transaction per batch. Subscribers hear of every committed change.
 */
@NullMarked
package dev.jobstream.projector.readmodel;

import org.jspecify.annotations.NullMarked;
