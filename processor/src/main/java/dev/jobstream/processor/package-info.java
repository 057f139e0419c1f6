/**
 * The Jobstream processor: consumes the {@code jobs} topic as the {@code jobstream-processor} group, runs each
 * job once on a pool of workers and publishes its status changes on {@code job-status}.
 */
@NullMarked
package dev.jobstream.processor;

import org.jspecify.annotations.NullMarked;
