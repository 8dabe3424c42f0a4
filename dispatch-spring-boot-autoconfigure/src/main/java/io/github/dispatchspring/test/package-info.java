/**
 * The test kit: runs an application's Dispatch functions and all their calls on the test's thread,
 * on a virtual clock, with failures injected where a test chooses them.
 */
@NullMarked
package io.github.dispatchspring.test;

import org.jspecify.annotations.NullMarked;
