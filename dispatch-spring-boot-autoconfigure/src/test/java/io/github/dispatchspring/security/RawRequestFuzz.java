package io.github.dispatchspring.security;

import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Random;

import io.github.dispatchspring.security.RawHttp.Connection;
import io.github.dispatchspring.security.RawHttp.RawRequest;
import io.github.dispatchspring.signature.RequestSigner;

/**
 * The part of the fuzz that an HTTP client cannot send, written on raw sockets to the webhook,
 * {@code Dispatch} and {@code Wait}, each with the credentials of its path: impossible and huge
 * declared lengths, bad chunks, a {@code Content-Length} that lies about the body in either direction,
 * and valid requests whose body arrives slowly (run and dispatched; the {@code Wait} for an unknown
 * id is answered 404).
 */
final class RawRequestFuzz {

	private static final String LONGER = "declared longer than sent";

	private static final String SHORTER = "declared shorter than sent";

	private static final String SLOW = "slow body";

	private final RawHttp raw;

	private final int port;

	private final RequestSigner signer;

	private final String apiKey;

	private final int maxRequestSize;

	private final Map<String, byte[]> validBodies;

	private final boolean trusted;

	private final FuzzReport report;

	/**
	 * Creates the fuzz.
	 * @param port the application's port
	 * @param signer signs requests to the webhook
	 * @param apiKey the API key sent to the Dispatch API
	 * @param maxRequestSize the application's body size limit
	 * @param validBodies a valid body for each path
	 * @param trusted whether the application trusts the signer and the API key
	 * @param report where the answers go
	 */
	RawRequestFuzz(int port, RequestSigner signer, String apiKey, int maxRequestSize, Map<String, byte[]> validBodies,
			boolean trusted, FuzzReport report) {
		this.raw = new RawHttp(port);
		this.port = port;
		this.signer = signer;
		this.apiKey = apiKey;
		this.maxRequestSize = maxRequestSize;
		this.validBodies = validBodies;
		this.trusted = trusted;
		this.report = report;
	}

	/**
	 * Sends rounds of raw requests to every path.
	 * @param random where sizes and cuts come from
	 * @param rounds how many rounds
	 * @return how many requests were sent
	 */
	int send(Random random, int rounds) {
		int sent = 0;
		for (int round = 0; round < rounds; round++) {
			for (String path : List.of(MalformedRequests.RUN, MalformedRequests.DISPATCH, MalformedRequests.WAIT)) {
				for (RawRequest request : RawHttp.round(random, path, this.maxRequestSize)) {
					answered(request.kind(), path, send(request, credentials(path, request.body())));
					sent++;
				}
				byte[] valid = this.validBodies.get(path);
				answered(LONGER, path, lying(path, valid, valid.length + 1 + random.nextInt(100)));
				answered(SHORTER, path, lying(path, valid, random.nextInt(valid.length)));
				answered(SLOW, path, slowly(path, valid));
				sent += 3;
			}
		}
		return sent;
	}

	private int send(RawRequest request, String credentials) {
		try {
			return this.raw.send(request, credentials);
		}
		catch (IOException ex) {
			return -1;
		}
	}

	private int lying(String path, byte[] valid, int declared) {
		try (Connection connection = this.raw.open()) {
			connection.writeHead(path, "Content-Type: application/proto\r\nContent-Length: " + declared + "\r\n"
					+ credentials(path, valid));
			connection.write(valid);
			connection.endBody();
			return connection.status();
		}
		catch (IOException ex) {
			return -1;
		}
	}

	private int slowly(String path, byte[] valid) {
		try (Connection connection = this.raw.open()) {
			connection.writeHead(path, "Content-Type: application/proto\r\nContent-Length: " + valid.length + "\r\n"
					+ credentials(path, valid));
			connection.writeSlowly(valid, 8, 40);
			return connection.status();
		}
		catch (IOException ex) {
			return -1;
		}
	}

	private String credentials(String path, byte[] body) {
		if (!path.equals(MalformedRequests.RUN)) {
			return "Authorization: Bearer " + this.apiKey + "\r\n";
		}
		return RawHttp.lines(this.signer
			.sign("POST", URI.create("http://localhost:" + this.port + path), "application/proto", body)
			.asMap());
	}

	private void answered(String kind, String path, int status) {
		String name = "raw/" + path.substring(path.lastIndexOf('/') + 1) + "/" + kind;
		this.report.answered(name, status);
		boolean tooLarge = kind.equals(RawHttp.HUGE_LENGTH) || kind.equals(RawHttp.CHUNKED_BEYOND_LIMIT);
		boolean ok = (status >= 400 && status < 500) || (status == 200 && this.trusted && !tooLarge);
		if (this.trusted && tooLarge) {
			ok = status == 413;
		}
		if (this.trusted && kind.equals(SLOW)) {
			ok = status == (path.equals(MalformedRequests.WAIT) ? 404 : 200);
		}
		if (!ok) {
			this.report.failed(name + " answered " + ((status == -1) ? "nothing" : status));
		}
	}

}
