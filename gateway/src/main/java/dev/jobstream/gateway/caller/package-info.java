/**
 * Who is calling: the user named by the {@code X-User-Id} header, required on every API request.
 */
@NullMarked
package dev.jobstream.gateway.caller;

import org.jspecify.annotations.NullMarked;
