/**
 * Per-user rate limits: API requests per minute on every endpoint, and job submissions per minute, answered with
 * 429 over the limit and described in the {@code RateLimit-Policy} and {@code RateLimit} fields of every response.
 */
@NullMarked
package dev.jobstream.gateway.ratelimit;

import org.jspecify.annotations.NullMarked;
