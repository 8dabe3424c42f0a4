/**
 * The embedded scheduler: call store, workers, retries and the Dispatch API.
 */
@NullMarked
package io.github.dispatchspring.scheduler;

import org.jspecify.annotations.NullMarked;
