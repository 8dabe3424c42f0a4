package io.github.dispatchspring.observability;

import java.util.LinkedHashMap;
import java.util.Map;

import io.github.dispatchspring.function.FunctionRegistry;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.actuate.info.Info;
import org.springframework.boot.actuate.info.InfoContributor;

/**
 * Adds a {@code dispatch} entry to the actuator's {@code info}: where calls go (the embedded
 * scheduler and its store, or a remote Dispatch API) and how many functions this application serves.
 * It names no URL, key or function, since {@code info} is often exposed more widely than the
 * {@code dispatch} endpoint.
 */
public final class DispatchInfoContributor implements InfoContributor {

	private final @Nullable String store;

	private final FunctionRegistry functions;

	/**
	 * Creates the contributor.
	 * @param store the name of the embedded scheduler's store, or {@code null} when calls go to a
	 * remote Dispatch API
	 * @param functions the functions this application serves
	 */
	public DispatchInfoContributor(@Nullable String store, FunctionRegistry functions) {
		this.store = store;
		this.functions = functions;
	}

	@Override
	public void contribute(Info.Builder builder) {
		Map<String, Object> details = new LinkedHashMap<>();
		details.put("scheduler", (this.store != null) ? "embedded" : "remote");
		if (this.store != null) {
			details.put("store", this.store);
		}
		details.put("functions", this.functions.functions().size());
		builder.withDetail("dispatch", details);
	}

}
