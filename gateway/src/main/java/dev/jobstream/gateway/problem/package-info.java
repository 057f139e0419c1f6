/**
 * How the gateway reports failures: every error is an RFC 9457 problem ({@code application/problem+json}) with
 * the status that names the cause, and no input can make the gateway answer 500.
 */
@NullMarked
package dev.jobstream.gateway.problem;

import org.jspecify.annotations.NullMarked;
