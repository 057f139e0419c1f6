/**
 * The contract the Jobstream services share: the job record on the {@code jobs} topic, the status events,
 * topic names, the JSON codec, payload rules and the one table of allowed status transitions.
 */
@NullMarked
package dev.jobstream.contract;

import org.jspecify.annotations.NullMarked;
