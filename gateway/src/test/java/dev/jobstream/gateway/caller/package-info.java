/**
 * Tests of the gateway's caller feature.
 */
@NullMarked
package dev.jobstream.gateway.caller;

import org.jspecify.annotations.NullMarked;
