/**
 * The dashboard: pages and a JSON API that show the calls of the embedded scheduler's store and
 * cancel or run them again, protected by the API key or by the application's Spring Security.
 */
@NullMarked
package io.github.dispatchspring.dashboard;

import org.jspecify.annotations.NullMarked;
