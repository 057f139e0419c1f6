/**
 * The real Kafka broker and PostgreSQL server Jobstream's integration tests run against.
 */
@NullMarked
package dev.jobstream.testsupport;

import org.jspecify.annotations.NullMarked;
