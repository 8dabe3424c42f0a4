/**
 * Dispatch for Spring Boot: durable functions with fan-out, gather in call order and per-call retry.
 */
@NullMarked
package io.github.dispatchspring;

import org.jspecify.annotations.NullMarked;
