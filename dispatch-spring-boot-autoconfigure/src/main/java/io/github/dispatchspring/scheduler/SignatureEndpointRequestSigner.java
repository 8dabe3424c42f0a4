package io.github.dispatchspring.scheduler;

import java.net.URI;
import java.util.Map;

import io.github.dispatchspring.signature.RequestSigner;

/**
 * Signs the scheduler's requests to endpoints the way the Dispatch scheduler signs them: an Ed25519
 * HTTP message signature labelled {@code dispatch} with a {@code Content-Digest}, which endpoints
 * holding the matching verification key accept.
 */
public final class SignatureEndpointRequestSigner implements EndpointRequestSigner {

	private final RequestSigner signer;

	public SignatureEndpointRequestSigner(RequestSigner signer) {
		this.signer = signer;
	}

	@Override
	public Map<String, String> sign(String method, URI uri, String contentType, byte[] body) {
		return this.signer.sign(method, uri, contentType, body).asMap();
	}

}
