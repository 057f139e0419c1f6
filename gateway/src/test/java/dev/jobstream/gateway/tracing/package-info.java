/**
 * Tests of the gateway's tracing of requests.
 */
@NullMarked
package dev.jobstream.gateway.tracing;

import org.jspecify.annotations.NullMarked;
