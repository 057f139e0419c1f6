/**
 * Replays out of the dead-letter queue: {@code POST /api/jobs/{id}/retry} for one dead job and
 * {@code POST /api/dlq/retry} for all that match a filter. A replay publishes the job again in a new generation;
 * a gateway-owned table makes sure each generation is published by one request only.
 */
@NullMarked
package dev.jobstream.gateway.replay;

import org.jspecify.annotations.NullMarked;
