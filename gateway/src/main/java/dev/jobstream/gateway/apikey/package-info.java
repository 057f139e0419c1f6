/**
 * API keys: issued, listed and revoked by the administrator, and checked for every request in the {@code api-key}
 * mode. Only a hash of each key is stored.
 */
@NullMarked
package dev.jobstream.gateway.apikey;

import org.jspecify.annotations.NullMarked;
