/**
 * Kafka consumer lag on {@code /actuator/prometheus}: the Kafka metrics of the projector's consumers, bound to
 * Micrometer soon enough to show a partition's lag within seconds of its assignment.
 */
@NullMarked
package dev.jobstream.projector.lag;

import org.jspecify.annotations.NullMarked;
