/**
 * Implementations of the Dispatch client.
 */
@NullMarked
package io.github.dispatchspring.client;

import org.jspecify.annotations.NullMarked;
