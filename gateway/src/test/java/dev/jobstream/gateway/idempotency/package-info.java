/**
 * Tests of the gateway's idempotency feature.
 */
@NullMarked
package dev.jobstream.gateway.idempotency;

import org.jspecify.annotations.NullMarked;
