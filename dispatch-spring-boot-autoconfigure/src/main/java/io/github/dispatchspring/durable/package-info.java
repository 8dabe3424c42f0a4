/**
 * The replay journal that makes gathers inside functions durable.
 */
@NullMarked
package io.github.dispatchspring.durable;

import org.jspecify.annotations.NullMarked;
