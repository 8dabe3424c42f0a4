package io.github.dispatchspring.autoconfigure;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import io.github.dispatchspring.DispatchFunction;
import io.github.dispatchspring.function.FunctionRegistry;
import io.github.dispatchspring.function.RegisteredFunction;
import io.github.dispatchspring.scheduler.FunctionPolicies;
import io.github.dispatchspring.scheduler.FunctionPolicy;

import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;

/**
 * Resolves the policy of each function from its properties under {@code dispatch.functions.<name>},
 * which win over the attributes of its {@link DispatchFunction} annotation, which win over
 * {@code dispatch.defaults} (and the deprecated keys those replace). A name under
 * {@code dispatch.functions} must be a function of this application, unless the application serves
 * no functions at all, as a standalone scheduler running other applications' functions does.
 */
final class FunctionPolicyResolver {

	private final DispatchProperties properties;

	private final FunctionRegistry registry;

	private final FunctionSettings defaults;

	/**
	 * Creates the resolver, checking the defaults.
	 * @param properties the properties
	 * @param registry this application's functions, complete by the time policies are resolved
	 * @param deprecated the deprecated keys, which apply where their replacements are not set
	 */
	FunctionPolicyResolver(DispatchProperties properties, FunctionRegistry registry, DeprecatedKeys deprecated) {
		this.properties = properties;
		this.registry = registry;
		this.defaults = PropertySettings.deprecated(properties.getScheduler(), deprecated::isReplaced)
			.over(PropertySettings.defaults(properties.getDefaults()));
	}

	/**
	 * The policies of the functions, those set by name resolved once the functions are known.
	 * @return the policies
	 */
	FunctionPolicies policies() {
		return new FunctionPolicies(this::byFunction, this.defaults.toPolicy());
	}

	/**
	 * The policy of every function that is registered here or has properties of its own.
	 * @return the policies by function name
	 * @throws InvalidConfigurationPropertyValueException if properties name a function that this
	 * application, which serves functions, does not have, or set a value out of range
	 */
	Map<String, FunctionPolicy> byFunction() {
		Map<String, RegisteredFunction> registered = this.registry.functions()
			.stream()
			.collect(Collectors.toMap(RegisteredFunction::name, (function) -> function, (a, b) -> a, LinkedHashMap::new));
		Map<String, DispatchProperties.Function> configured = this.properties.getFunctions();
		if (!registered.isEmpty()) {
			checkKnown(configured.keySet(), registered.keySet());
		}
		Map<String, FunctionPolicy> policies = new LinkedHashMap<>();
		registered.forEach((name, function) -> policies.put(name, resolve(name, AnnotatedSettings.of(function))));
		configured.keySet()
			.stream()
			.filter((name) -> !registered.containsKey(name))
			.forEach((name) -> policies.put(name, resolve(name, FunctionSettings.NONE)));
		return policies;
	}

	private FunctionPolicy resolve(String name, FunctionSettings annotated) {
		DispatchProperties.Function configured = this.properties.getFunctions().get(name);
		FunctionSettings properties = (configured != null) ? PropertySettings.of(name, configured)
				: FunctionSettings.NONE;
		return properties.over(annotated).over(this.defaults).toPolicy();
	}

	private static void checkKnown(Set<String> configured, Set<String> registered) {
		for (String name : configured) {
			if (!registered.contains(name)) {
				throw new InvalidConfigurationPropertyValueException("dispatch.functions", name,
						"This application has no function named '" + name + "'; its functions are "
								+ new TreeSet<>(registered) + ". A name with dots is written in brackets, as in "
								+ "dispatch.functions[billing.charge].timeout");
			}
		}
	}

}
