/**
 * Tests of the gateway's cancel and discard requests.
 */
@NullMarked
package dev.jobstream.gateway.control;

import org.jspecify.annotations.NullMarked;
