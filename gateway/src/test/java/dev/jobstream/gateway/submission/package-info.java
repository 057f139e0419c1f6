/**
 * Tests of the gateway's submission feature.
 */
@NullMarked
package dev.jobstream.gateway.submission;

import org.jspecify.annotations.NullMarked;
