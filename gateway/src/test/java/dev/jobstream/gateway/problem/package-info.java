/**
 * Tests of the gateway's problem feature.
 */
@NullMarked
package dev.jobstream.gateway.problem;

import org.jspecify.annotations.NullMarked;
