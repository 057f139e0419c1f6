/**
 * The job run table that keeps a finished job from running twice.
 */
@NullMarked
package dev.jobstream.processor.claim;

import org.jspecify.annotations.NullMarked;
