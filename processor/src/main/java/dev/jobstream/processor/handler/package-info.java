/**
 * The job types: one handler bean per type.
 */
@NullMarked
package dev.jobstream.processor.handler;

import org.jspecify.annotations.NullMarked;
