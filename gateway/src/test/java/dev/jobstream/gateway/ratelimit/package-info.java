/**
 * Tests of the gateway's ratelimit feature.
 */
@NullMarked
package dev.jobstream.gateway.ratelimit;

import org.jspecify.annotations.NullMarked;
