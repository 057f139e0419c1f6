/**
 * The projector service: keeps the PostgreSQL read model ({@code readmodel} schema) in step with the
 * {@code jobs} topic and the {@code job-status} events, for the gateway's queries and the live dashboard.
 */
@NullMarked
package dev.jobstream.projector;

import org.jspecify.annotations.NullMarked;
