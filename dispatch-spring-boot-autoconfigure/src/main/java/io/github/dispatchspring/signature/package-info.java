/**
 * HTTP Message Signatures (RFC 9421) with Ed25519 and Content-Digest (RFC 9530), as used
 * between the Dispatch scheduler and the endpoints it calls.
 *
 * <p>{@link io.github.dispatchspring.signature.RequestSigner} produces the
 * {@code Content-Digest}, {@code Signature-Input} and {@code Signature} headers;
 * {@link io.github.dispatchspring.signature.RequestVerifier} checks them on an incoming
 * {@link io.github.dispatchspring.signature.SignedRequest} and reports problems as a
 * {@link io.github.dispatchspring.signature.SignatureVerificationException}. Keys are read
 * with {@link io.github.dispatchspring.signature.Ed25519Keys} and created with
 * {@link io.github.dispatchspring.signature.GenerateSigningKeys}.
 */
@NullMarked
package io.github.dispatchspring.signature;

import org.jspecify.annotations.NullMarked;
