/**
 * Tests of {@code GET /api/metrics}, on aggregates seeded through the read model's own DDL.
 */
@NullMarked
package dev.jobstream.gateway.stats;

import org.jspecify.annotations.NullMarked;
