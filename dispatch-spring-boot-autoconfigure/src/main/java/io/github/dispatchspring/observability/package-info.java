/**
 * How a running application is watched: the health indicator and the actuator endpoint, Micrometer
 * metrics and the observations that carry each call's trace.
 */
@NullMarked
package io.github.dispatchspring.observability;

import org.jspecify.annotations.NullMarked;
