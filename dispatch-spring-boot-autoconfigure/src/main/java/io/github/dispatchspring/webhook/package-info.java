/**
 * The HTTP endpoint that runs functions for a scheduler.
 */
@NullMarked
package io.github.dispatchspring.webhook;

import org.jspecify.annotations.NullMarked;
