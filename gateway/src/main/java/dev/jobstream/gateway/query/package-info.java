/**
 * Answers questions about jobs: one job by id, and a user's jobs page by page. Reads the read model the
 * projector keeps, and remembers recently accepted jobs so that a job is never unknown just after submission.
 */
@NullMarked
package dev.jobstream.gateway.query;

import org.jspecify.annotations.NullMarked;
