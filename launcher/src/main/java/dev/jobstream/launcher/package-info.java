/**
 * The embedded default: Kafka, PostgreSQL, gateway, processor and projector in one process, started by one
 * command on a machine with nothing but a JDK.
 */
@NullMarked
package dev.jobstream.launcher;

import org.jspecify.annotations.NullMarked;
