/**
 * Tests of the gateway's apikey feature.
 */
@NullMarked
package dev.jobstream.gateway.apikey;

import org.jspecify.annotations.NullMarked;
