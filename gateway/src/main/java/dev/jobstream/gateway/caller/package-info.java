/**
 * Who is calling, required on every API request: the user named by the {@code X-User-Id} header, or in the
 * {@code api-key} mode the user whose API key the request carries; or the administrator, with the admin key.
 */
@NullMarked
package dev.jobstream.gateway.caller;

import org.jspecify.annotations.NullMarked;
