package io.github.dispatchspring.scheduler;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

import io.github.dispatchspring.wire.ConnectError;
import io.github.dispatchspring.wire.RequestAuthentication;
import io.github.dispatchspring.wire.WireRequest;
import org.jspecify.annotations.Nullable;

/**
 * Accepts requests that carry {@code Authorization: Bearer <api key>}, compared in constant time.
 */
public final class BearerAuthentication implements RequestAuthentication {

	private final byte[] expected;

	public BearerAuthentication(String apiKey) {
		this.expected = ("Bearer " + apiKey).getBytes(StandardCharsets.UTF_8);
	}

	@Override
	public @Nullable ConnectError checkHead(WireRequest request) {
		String authorization = request.header("Authorization");
		if (authorization == null) {
			return ConnectError.unauthenticated("missing Authorization header: send 'Bearer <dispatch.api-key>'");
		}
		if (!MessageDigest.isEqual(this.expected, authorization.getBytes(StandardCharsets.UTF_8))) {
			return ConnectError.unauthenticated("invalid API key: check dispatch.api-key / DISPATCH_API_KEY");
		}
		return null;
	}

}
