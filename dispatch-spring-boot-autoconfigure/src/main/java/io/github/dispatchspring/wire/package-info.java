/**
 * What the webhook and the Dispatch API share on the wire: bounded reading of request bodies,
 * content types, admission of concurrent reads, authentication before reading, and Connect errors.
 */
@NullMarked
package io.github.dispatchspring.wire;

import org.jspecify.annotations.NullMarked;
