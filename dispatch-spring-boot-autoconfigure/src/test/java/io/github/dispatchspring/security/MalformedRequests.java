package io.github.dispatchspring.security;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.PrivateKey;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

import com.google.protobuf.InvalidProtocolBufferException;
import io.github.dispatchspring.proto.Call;
import io.github.dispatchspring.proto.DispatchRequest;
import io.github.dispatchspring.scheduler.EndpointUrls;
import io.github.dispatchspring.signature.RequestSigner;
import io.github.dispatchspring.signature.SigningKeyPair;

/**
 * Malformed and mutated requests to the webhook and the Dispatch API: random bytes, flipped, cut and
 * spliced valid messages, random well-formed messages, wrong content types (multipart with and
 * without a boundary, forms, JSON, unknown types) and methods, missing, garbage, stale, foreign,
 * duplicated and replayed signatures, bad API keys, and oversized bodies. Requests that are signed or
 * authorized correctly reach the parsers behind the checks of an application that trusts the keys.
 */
final class MalformedRequests {

	static final String RUN = "/dispatch.sdk.v1.FunctionService/Run";

	static final String DISPATCH = "/dispatch.sdk.v1.DispatchService/Dispatch";

	static final String WAIT = "/dispatch.sdk.v1.DispatchService/Wait";

	static final String CANCEL = "/dispatch.sdk.v1.DispatchService/Cancel";

	private static final String PROTO = "application/proto";

	private static final List<String> CONTENT_TYPES = List.of("application/json", "text/plain",
			"application/x-www-form-urlencoded", "multipart/form-data; boundary=fuzz", "multipart/form-data",
			"multipart/mixed; boundary=fuzz", "MULTIPART/FORM-DATA; BOUNDARY=fuzz", "application/grpc",
			"application/vnd.unknown+cbor", "application/proto; charset=utf-8", "APPLICATION/PROTO", ";;",
			"application/", "*/*", "text/html; q=0.1");

	private static final Set<String> LOOPBACK = Set.of("localhost", "127.0.0.1", "[::1]");

	private final RandomMessages messages;

	private final URI base;

	private final SigningKeyPair keys;

	private final PrivateKey foreignKey = SigningKeyPair.generate().signingKey();

	private final String apiKey;

	private final int maxRequestSize;

	private final List<byte[]> runRequests;

	private final List<byte[]> dispatchRequests;

	MalformedRequests(RandomMessages messages, URI base, SigningKeyPair keys, String apiKey, int maxRequestSize,
			List<byte[]> runRequests, List<byte[]> dispatchRequests) {
		this.messages = messages;
		this.base = base;
		this.keys = keys;
		this.apiKey = apiKey;
		this.maxRequestSize = maxRequestSize;
		this.runRequests = runRequests;
		this.dispatchRequests = dispatchRequests;
	}

	/**
	 * The next request: half to the webhook, most others to {@code Dispatch}, a few to {@code Wait}.
	 * Dispatch requests the API could accept with an endpoint off this machine are not sent.
	 * @return the request
	 */
	FuzzRequest next() {
		int target = this.messages.below(20);
		if (target < 10) {
			return run();
		}
		if (target < 19) {
			FuzzRequest request = dispatch();
			while (leavesLoopback(request.body())) {
				request = dispatch();
			}
			return request;
		}
		return await();
	}

	private FuzzRequest run() {
		byte[] valid = this.messages.pick(this.runRequests);
		return switch (this.messages.below(14)) {
			case 0 -> signedRun("random-bytes", this.messages.bytes(2048));
			case 1 -> signedRun("bit-flipped", this.messages.flipBits(valid));
			case 2 -> signedRun("truncated", this.messages.truncate(valid));
			case 3 -> signedRun("spliced", this.messages.splice(valid));
			case 4 -> signedRun("random-message", this.messages.runRequest().toByteArray());
			case 5 -> signedRun("mutated-random-message", this.messages.flipBits(this.messages.runRequest().toByteArray()));
			case 6 -> {
				String contentType = this.messages.pick(CONTENT_TYPES);
				byte[] body = contentOf(contentType, valid);
				yield new FuzzRequest("run/content-type", RUN, "POST",
						signature(body, contentType, this.keys.signingKey(), Clock.systemUTC()), body);
			}
			case 7 -> new FuzzRequest("run/bad-signature", RUN, "POST", badSignature(valid), valid);
			case 8 -> new FuzzRequest("run/unsigned", RUN, "POST", Map.of("Content-Type", PROTO), valid);
			case 9 -> new FuzzRequest("run/tampered", RUN, "POST", signature(valid), this.messages.flipBits(valid));
			case 10 -> signedRun("oversized", oversized());
			case 11 -> new FuzzRequest("run/replayed", RUN, "POST", signature(valid), valid, List.of(), 2);
			case 12 -> new FuzzRequest("run/duplicated-signature", RUN, "POST", signature(valid), valid,
					duplicatedSignature(valid), 1);
			default -> new FuzzRequest("run/method", RUN, otherMethod(), signature(valid), valid);
		};
	}

	private List<Map.Entry<String, String>> duplicatedSignature(byte[] body) {
		Map<String, String> second = this.messages.chance(0.5) ? signature(body)
				: signature(body, PROTO, this.foreignKey, Clock.systemUTC());
		String name = this.messages.pick(List.of("Signature-Input", "Signature", "Content-Digest"));
		return List.of(Map.entry(name, second.get(name)));
	}

	private FuzzRequest signedRun(String kind, byte[] body) {
		return new FuzzRequest("run/" + kind, RUN, "POST", signature(body), body);
	}

	private Map<String, String> signature(byte[] body) {
		return signature(body, PROTO, this.keys.signingKey(), Clock.systemUTC());
	}

	private Map<String, String> signature(byte[] body, String contentType, PrivateKey key, Clock clock) {
		Map<String, String> headers = new LinkedHashMap<>(
				new RequestSigner(key, clock).sign("POST", this.base.resolve(RUN), contentType, body).asMap());
		headers.put("Content-Type", contentType);
		return headers;
	}

	private Map<String, String> badSignature(byte[] body) {
		Map<String, String> headers = signature(body);
		List<String> names = List.of("Signature-Input", "Signature", "Content-Digest");
		String name = this.messages.pick(names);
		switch (this.messages.below(7)) {
			case 0 -> headers.put(name, this.messages.headerText(120));
			case 1 -> headers.put(name, mutate(headers.get(name)));
			case 2 -> headers = signature(body, PROTO, this.keys.signingKey(),
					Clock.offset(Clock.systemUTC(), Duration.ofMinutes(-6)));
			case 3 -> headers = signature(body, PROTO, this.keys.signingKey(),
					Clock.offset(Clock.systemUTC(), Duration.ofMinutes(1)));
			case 4 -> headers = signature(body, PROTO, this.foreignKey, Clock.systemUTC());
			case 5 -> headers.remove(name);
			default -> {
				headers.put("Signature-Input", headers.get("Signature-Input").replace("dispatch=", "other="));
				headers.put("Signature", headers.get("Signature").replace("dispatch=", "other="));
			}
		}
		return headers;
	}

	private String mutate(String value) {
		char[] chars = value.toCharArray();
		for (int i = 1 + this.messages.below(3); i > 0 && chars.length > 0; i--) {
			chars[this.messages.below(chars.length)] = this.messages.pick(List.of('"', ';', ':', '(', 'A', ' ', '='));
		}
		return new String(chars);
	}

	private FuzzRequest dispatch() {
		byte[] valid = this.messages.pick(this.dispatchRequests);
		Map<String, String> authorized = Map.of("Content-Type", PROTO, "Authorization", "Bearer " + this.apiKey);
		return switch (this.messages.below(10)) {
			case 0 -> new FuzzRequest("dispatch/random-bytes", DISPATCH, "POST", authorized, this.messages.bytes(2048));
			case 1 -> new FuzzRequest("dispatch/bit-flipped", DISPATCH, "POST", authorized, this.messages.flipBits(valid));
			case 2 -> new FuzzRequest("dispatch/truncated", DISPATCH, "POST", authorized, this.messages.truncate(valid));
			case 3 -> new FuzzRequest("dispatch/spliced", DISPATCH, "POST", authorized, this.messages.splice(valid));
			case 4 -> new FuzzRequest("dispatch/random-message", DISPATCH, "POST", authorized,
					this.messages.dispatchRequest().toByteArray());
			case 5 -> new FuzzRequest("dispatch/mutated-random-message", DISPATCH, "POST", authorized,
					this.messages.flipBits(this.messages.dispatchRequest().toByteArray()));
			case 6 -> {
				String contentType = this.messages.pick(CONTENT_TYPES);
				yield new FuzzRequest("dispatch/content-type", DISPATCH, "POST",
						Map.of("Content-Type", contentType, "Authorization", "Bearer " + this.apiKey),
						contentOf(contentType, valid));
			}
			case 7 -> new FuzzRequest("dispatch/bad-authorization", DISPATCH, "POST", badAuthorization(), valid);
			case 8 -> new FuzzRequest("dispatch/oversized", DISPATCH, "POST", authorized, oversized());
			default -> new FuzzRequest("dispatch/method", DISPATCH, otherMethod(), authorized, valid);
		};
	}

	private Map<String, String> badAuthorization() {
		Supplier<String> value = () -> switch (this.messages.below(7)) {
			case 0 -> "Bearer";
			case 1 -> "Bearer " + this.messages.headerText(40);
			case 2 -> "bearer " + this.apiKey;
			case 3 -> "Basic " + java.util.Base64.getEncoder().encodeToString(this.apiKey.getBytes(StandardCharsets.UTF_8));
			case 4 -> "Bearer " + mutate(this.apiKey);
			case 5 -> "Bearer " + this.apiKey + "x".repeat(this.messages.pick(List.of(1, 100, 9000)));
			default -> this.messages.headerText(80);
		};
		Map<String, String> headers = new LinkedHashMap<>();
		headers.put("Content-Type", PROTO);
		if (this.messages.chance(0.85)) {
			headers.put("Authorization", value.get());
		}
		return headers;
	}

	private FuzzRequest await() {
		byte[] id = this.messages.chance(0.5) ? this.messages.text(60).getBytes(StandardCharsets.UTF_8)
				: this.messages.bytes(200);
		if (this.messages.chance(0.3)) {
			String contentType = this.messages.pick(CONTENT_TYPES);
			return new FuzzRequest("wait/content-type", WAIT, "POST",
					Map.of("Content-Type", contentType, "Authorization", "Bearer " + this.apiKey),
					contentOf(contentType, id));
		}
		Map<String, String> headers = this.messages.chance(0.8)
				? Map.of("Content-Type", PROTO, "Authorization", "Bearer " + this.apiKey) : badAuthorization();
		return new FuzzRequest("wait/unknown-id", WAIT, "POST", headers, id);
	}

	private byte[] contentOf(String contentType, byte[] valid) {
		if (!contentType.toLowerCase(Locale.ROOT).startsWith("multipart/") || this.messages.chance(0.3)) {
			return valid;
		}
		byte[] head = ("--fuzz\r\nContent-Disposition: form-data; name=\"request\"; filename=\"run\"\r\n"
				+ "Content-Type: application/proto\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1);
		byte[] tail = (this.messages.chance(0.5) ? "\r\n--fuzz--\r\n" : "\r\n--fu").getBytes(StandardCharsets.ISO_8859_1);
		byte[] multipart = Arrays.copyOf(head, head.length + valid.length + tail.length);
		System.arraycopy(valid, 0, multipart, head.length, valid.length);
		System.arraycopy(tail, 0, multipart, head.length + valid.length, tail.length);
		return multipart;
	}

	private byte[] oversized() {
		byte[] body = new byte[this.maxRequestSize + 1 + this.messages.bytes(20_000).length];
		body[body.length - 1] = 1;
		return body;
	}

	private String otherMethod() {
		return this.messages.pick(List.of("GET", "PUT", "DELETE", "PATCH"));
	}

	private static boolean leavesLoopback(byte[] body) {
		try {
			for (Call call : DispatchRequest.parseFrom(body).getCallsList()) {
				String endpoint = call.getEndpoint();
				if (EndpointUrls.problem(endpoint) == null && endpoint.startsWith("http")
						&& !LOOPBACK.contains(URI.create(endpoint).getHost())) {
					return true;
				}
			}
			return false;
		}
		catch (InvalidProtocolBufferException ex) {
			return false;
		}
	}

	/**
	 * One request to send.
	 *
	 * @param kind what was malformed, for the report
	 * @param path the path
	 * @param method the HTTP method
	 * @param headers the headers
	 * @param body the body
	 * @param repeatedHeaders headers sent a second time, with another value
	 * @param copies how many times the same request is sent
	 */
	record FuzzRequest(String kind, String path, String method, Map<String, String> headers, byte[] body,
			List<Map.Entry<String, String>> repeatedHeaders, int copies) {

		FuzzRequest(String kind, String path, String method, Map<String, String> headers, byte[] body) {
			this(kind, path, method, headers, body, List.of(), 1);
		}

	}

}
