/**
 * An in-process Kafka broker and PostgreSQL server that keep their data on disk, so Jobstream runs in one
 * command on a machine with nothing but a JDK, and its tests run against the real thing.
 */
@NullMarked
package dev.jobstream.embedded;

import org.jspecify.annotations.NullMarked;
