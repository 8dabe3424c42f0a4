/**
 * Protocol messages generated from the Dispatch schema, and the value codec.
 */
@NullMarked
package io.github.dispatchspring.proto;

import org.jspecify.annotations.NullMarked;
