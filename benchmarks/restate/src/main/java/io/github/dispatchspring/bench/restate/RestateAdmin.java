package io.github.dispatchspring.bench.restate;

import java.io.IOException;
import java.net.URI;

/** Registers SDK endpoints with the server through its admin API. */
final class RestateAdmin {

	private final URI admin;
	private final LoopbackHttp http = new LoopbackHttp();

	RestateAdmin(URI admin) {
		this.admin = admin;
	}

	void registerDeployment(URI endpoint) throws IOException, InterruptedException {
		var response =
				http.postJson(admin.resolve("/deployments"), "{\"uri\":\"" + endpoint + "\"}");
		if (response.statusCode() / 100 != 2) {
			throw new IllegalStateException(
					"registering " + endpoint + " failed with HTTP " + response.statusCode() + ": "
							+ response.body());
		}
	}
}
