/**
 * Auto-configuration of Dispatch for Spring Boot.
 */
@NullMarked
package io.github.dispatchspring.autoconfigure;

import org.jspecify.annotations.NullMarked;
