package io.github.dispatchspring.function;

import java.util.Collection;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * The Dispatch functions of this application, by name.
 */
public final class FunctionRegistry {

	private static final Pattern NAME = Pattern.compile("^[a-zA-Z_][a-zA-Z0-9_<>.]{0,511}$");

	private final Map<String, RegisteredFunction> functions = new TreeMap<>();

	/**
	 * Whether a function name follows the protocol's rule.
	 * @param name the name
	 * @return {@code true} if valid
	 */
	public static boolean isValidName(String name) {
		return NAME.matcher(name).matches();
	}

	synchronized void register(RegisteredFunction function) {
		if (!isValidName(function.name())) {
			throw new IllegalStateException("Dispatch function name '" + function.name() + "' of "
					+ function.describe() + " is invalid: names must match " + NAME.pattern());
		}
		RegisteredFunction existing = this.functions.putIfAbsent(function.name(), function);
		if (existing != null) {
			throw new IllegalStateException("Dispatch function name '" + function.name() + "' is declared twice: by "
					+ existing.describe() + " and by " + function.describe()
					+ "; give one of them another name with @DispatchFunction(\"...\")");
		}
	}

	/**
	 * The function with the given name.
	 * @param name the name
	 * @return the function, or {@code null} if none has that name
	 */
	public synchronized @Nullable RegisteredFunction find(String name) {
		return this.functions.get(name);
	}

	/**
	 * All registered functions.
	 * @return the functions, by name
	 */
	public synchronized Collection<RegisteredFunction> functions() {
		return Collections.unmodifiableCollection(this.functions.values());
	}

}
