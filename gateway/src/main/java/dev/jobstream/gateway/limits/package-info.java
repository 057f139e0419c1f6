/**
 * Limits on what a request may carry, enforced before a request reaches a controller.
 */
@NullMarked
package dev.jobstream.gateway.limits;

import org.jspecify.annotations.NullMarked;
