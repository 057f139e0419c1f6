/**
 * Control requests on a job: {@code POST /api/jobs/{id}/cancel} stops a job that has not settled, and
 * {@code DELETE /api/jobs/{id}} discards a dead one. The gateway publishes the request to {@code job-control};
 * the processor carries it out and emits the resulting status event.
 */
@NullMarked
package dev.jobstream.gateway.control;

import org.jspecify.annotations.NullMarked;
