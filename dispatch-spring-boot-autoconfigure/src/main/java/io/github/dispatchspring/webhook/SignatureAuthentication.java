package io.github.dispatchspring.webhook;

import io.github.dispatchspring.wire.RequestAuthentication;
import io.github.dispatchspring.wire.WireRequest;
import io.github.dispatchspring.wire.ConnectError;
import io.github.dispatchspring.signature.AcceptedSignatures;
import io.github.dispatchspring.signature.RequestVerifier;
import io.github.dispatchspring.signature.SignatureVerificationException;
import io.github.dispatchspring.signature.SignedRequest;
import io.github.dispatchspring.signature.VerifiedSignature;
import org.jspecify.annotations.Nullable;

/**
 * Accepts requests that carry a valid Dispatch request signature, once. The signature is checked
 * before the body is read; the body is then checked against its {@code Content-Digest}. A missing
 * or malformed signature is answered with 401 {@code unauthenticated}; a wrong, stale, future or
 * replayed one, or a body that does not match its digest, with 403 {@code permission_denied}.
 */
public final class SignatureAuthentication implements RequestAuthentication {

	private final RequestVerifier verifier;

	private final AcceptedSignatures accepted;

	public SignatureAuthentication(RequestVerifier verifier, AcceptedSignatures accepted) {
		this.verifier = verifier;
		this.accepted = accepted;
	}

	@Override
	public @Nullable ConnectError checkHead(WireRequest head) {
		try {
			VerifiedSignature signature = this.verifier.verifyHead(signed(head));
			return this.accepted.isReplay(signature) ? replayed() : null;
		}
		catch (SignatureVerificationException ex) {
			return refusal(ex);
		}
	}

	@Override
	public @Nullable ConnectError checkBody(WireRequest request) {
		try {
			VerifiedSignature signature = this.verifier.verifyBody(signed(request));
			return this.accepted.accept(signature) ? null : replayed();
		}
		catch (SignatureVerificationException ex) {
			return refusal(ex);
		}
	}

	private static SignedRequest signed(WireRequest request) {
		return new SignedRequest(request.method(), request.path(), request.authority(), request::header,
				request.body());
	}

	private static ConnectError replayed() {
		return ConnectError.permissionDenied("request signature: this signature was accepted already, "
				+ "a request is signed anew each time it is sent");
	}

	private static ConnectError refusal(SignatureVerificationException ex) {
		String message = "request signature: " + ex.getMessage();
		return (ex.kind() == SignatureVerificationException.Kind.MISSING_OR_MALFORMED)
				? ConnectError.unauthenticated(message) : ConnectError.permissionDenied(message);
	}

}
