/**
 * Tests of the gateway's query feature.
 */
@NullMarked
package dev.jobstream.gateway.query;

import org.jspecify.annotations.NullMarked;
