package io.github.dispatchspring.samples.scheduler;

import java.util.List;

import io.github.dispatchspring.autoconfigure.DispatchProperties;
import io.github.dispatchspring.client.LocalEndpoint;
import io.github.dispatchspring.scheduler.SchedulerKeys;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;

/**
 * Logs, once the scheduler is ready, the settings the Go and Python Dispatch SDKs need to use it, ready
 * to paste: the Dispatch API's URL and key for SDK clients, the verification key for SDK endpoints,
 * and the endpoints calls may go to.
 */
@Component
class ConnectionSettings implements ApplicationListener<ApplicationReadyEvent> {

	private static final Logger logger = LoggerFactory.getLogger(ConnectionSettings.class);

	private final LocalEndpoint endpoint;

	private final SchedulerKeys keys;

	private final DispatchProperties properties;

	private final ConfigurableEnvironment environment;

	ConnectionSettings(LocalEndpoint endpoint, SchedulerKeys keys, DispatchProperties properties,
			ConfigurableEnvironment environment) {
		this.endpoint = endpoint;
		this.keys = keys;
		this.properties = properties;
		this.environment = environment;
	}

	@Override
	public void onApplicationEvent(ApplicationReadyEvent event) {
		logger.info(describe());
	}

	private String describe() {
		return String.join("\n", "Dispatch scheduler ready. Settings for the Go and Python Dispatch SDKs:", "",
				"# SDK clients, which dispatch calls:", "DISPATCH_API_URL=" + this.endpoint.get(), apiKey(), "",
				"# SDK endpoints, which serve functions and must trust this scheduler's requests:",
				"DISPATCH_VERIFICATION_KEY=" + verificationKey(), "", allowedEndpoints());
	}

	private String apiKey() {
		if (this.environment.getPropertySources().contains(GeneratedApiKey.PROPERTY_SOURCE)) {
			return "DISPATCH_API_KEY=" + this.properties.getApiKey() + "\n# (generated on the first start, kept in "
					+ GeneratedApiKey.file(this.environment).toAbsolutePath() + ")";
		}
		return "DISPATCH_API_KEY=<the key set in dispatch.api-key or DISPATCH_API_KEY on this scheduler>";
	}

	private String verificationKey() {
		if (StringUtils.hasText(this.properties.getSigningKey())) {
			return "<the public key that goes with dispatch.signing-key>";
		}
		return this.keys.loadOrCreate().verificationKeyBase64();
	}

	private String allowedEndpoints() {
		List<String> allowed = this.properties.getScheduler().getAllowedEndpoints();
		if (allowed.isEmpty()) {
			return "# No endpoint is allowed yet: start the scheduler with DISPATCH_SCHEDULER_ALLOWED_ENDPOINTS set to "
					+ "the URL prefixes of your SDK endpoints, comma-separated, e.g. http://localhost:8000";
		}
		return "# Calls may go to the endpoints under: " + String.join(", ", allowed)
				+ " (dispatch.scheduler.allowed-endpoints)";
	}

}
