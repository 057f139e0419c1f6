/**
 * Publishing to Kafka: job records to {@code jobs} and control requests to {@code job-control}, each keyed by job
 * id and acknowledged by all in-sync replicas before the gateway answers.
 */
@NullMarked
package dev.jobstream.gateway.publishing;

import org.jspecify.annotations.NullMarked;
