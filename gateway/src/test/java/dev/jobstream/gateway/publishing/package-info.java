/**
 * Tests of the gateway's publishing to Kafka.
 */
@NullMarked
package dev.jobstream.gateway.publishing;

import org.jspecify.annotations.NullMarked;
