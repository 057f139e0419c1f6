/**
 * Integration tests of the gateway and the helpers they share: real Kafka, real PostgreSQL, real HTTP.
 */
@NullMarked
package dev.jobstream.gateway;

import org.jspecify.annotations.NullMarked;
