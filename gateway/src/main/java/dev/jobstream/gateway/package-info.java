/**
 * The Jobstream gateway: accepts jobs over REST, publishes them to Kafka and answers queries from the read model.
 */
@NullMarked
package dev.jobstream.gateway;

import org.jspecify.annotations.NullMarked;
