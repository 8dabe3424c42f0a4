package io.github.dispatchspring.observability;

import io.github.dispatchspring.webhook.FunctionWebhookController;
import io.github.dispatchspring.wire.RequestOutcomes;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Counts the requests to the webhook ({@code dispatch.webhook.requests}) and to the Dispatch API
 * ({@code dispatch.api.requests}, by operation), by HTTP status and outcome: {@code SUCCESS},
 * {@code CLIENT_ERROR} for refusals, {@code SERVER_ERROR}.
 */
public final class RequestMetrics implements RequestOutcomes {

	private final Meter.MeterProvider<Counter> webhook;

	private final Meter.MeterProvider<Counter> api;

	/**
	 * Creates the counters in a registry.
	 * @param registry the registry
	 */
	public RequestMetrics(MeterRegistry registry) {
		this.webhook = Counter.builder("dispatch.webhook.requests")
			.description("Requests to the webhook, refusals included")
			.withRegistry(registry);
		this.api = Counter.builder("dispatch.api.requests")
			.description("Requests to the Dispatch API, refusals included")
			.withRegistry(registry);
	}

	@Override
	public void answered(String path, int status) {
		String outcome = (status < 400) ? "SUCCESS" : (status < 500) ? "CLIENT_ERROR" : "SERVER_ERROR";
		if (path.equals(FunctionWebhookController.PATH)) {
			this.webhook.withTags("status", Integer.toString(status), "outcome", outcome).increment();
		}
		else {
			String operation = path.substring(path.lastIndexOf('/') + 1);
			this.api.withTags("operation", operation, "status", Integer.toString(status), "outcome", outcome)
				.increment();
		}
	}

}
