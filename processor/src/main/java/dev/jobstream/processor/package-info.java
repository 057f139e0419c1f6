/**
 * The Jobstream processor: consumes the {@code jobs} topic as the {@code jobstream-processor} group, runs each
 * attempt of a job once on a pool of workers and publishes its status changes on {@code job-status}; retries failed
 * jobs through the retry topics, parks dead ones in {@code jobs-dlq}, and applies the requests on
 * {@code job-control}.
 */
@NullMarked
package dev.jobstream.processor;

import org.jspecify.annotations.NullMarked;
