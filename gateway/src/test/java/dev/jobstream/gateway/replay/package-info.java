/**
 * Tests of the gateway's replays out of the dead-letter queue.
 */
@NullMarked
package dev.jobstream.gateway.replay;

import org.jspecify.annotations.NullMarked;
