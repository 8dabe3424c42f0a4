/**
 * Discovery, registry and invocation of Dispatch functions.
 */
@NullMarked
package io.github.dispatchspring.function;

import org.jspecify.annotations.NullMarked;
