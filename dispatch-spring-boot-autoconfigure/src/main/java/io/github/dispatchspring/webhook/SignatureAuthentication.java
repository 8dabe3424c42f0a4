package io.github.dispatchspring.webhook;

import io.github.dispatchspring.proto.ConnectError;
import io.github.dispatchspring.webhook.signature.RequestVerifier;
import io.github.dispatchspring.webhook.signature.SignatureVerificationException;
import io.github.dispatchspring.webhook.signature.SignedRequest;
import org.jspecify.annotations.Nullable;

/**
 * Accepts requests that carry a valid Dispatch request signature. A missing or malformed signature is
 * answered with 401 {@code unauthenticated}; a wrong, stale or future one, or a body that does not
 * match its {@code Content-Digest}, with 403 {@code permission_denied}.
 */
public final class SignatureAuthentication implements RequestAuthentication {

	private final RequestVerifier verifier;

	public SignatureAuthentication(RequestVerifier verifier) {
		this.verifier = verifier;
	}

	@Override
	public @Nullable ConnectError check(WireRequest request) {
		try {
			this.verifier.verify(new SignedRequest(request.method(), request.path(), request.authority(),
					request::header, request.body()));
			return null;
		}
		catch (SignatureVerificationException ex) {
			String message = "request signature: " + ex.getMessage();
			return (ex.kind() == SignatureVerificationException.Kind.MISSING_OR_MALFORMED)
					? ConnectError.unauthenticated(message) : ConnectError.permissionDenied(message);
		}
	}

}
