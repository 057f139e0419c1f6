/**
 * Cross-origin requests: the live dashboard, served by the projector from another origin, calls the gateway from
 * the browser.
 */
@NullMarked
package dev.jobstream.gateway.cors;

import org.jspecify.annotations.NullMarked;
