package io.github.dispatchspring.signature;

import java.time.Instant;

/**
 * A request signature that {@link RequestVerifier} accepted.
 *
 * @param bytes the raw signature bytes
 * @param created when the signer says it made the signature
 */
public record VerifiedSignature(byte[] bytes, Instant created) {
}
