package io.github.dispatchspring.scheduler;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

import org.jspecify.annotations.Nullable;

import org.springframework.util.ClassUtils;

/**
 * Error types named by their exception class: a type matches its own name, and a class loadable here
 * matches its subclasses too, so {@code java.io.IOException} matches a
 * {@code java.net.ConnectException} a function threw in this application. Classes are looked up
 * without being initialized, and only a bounded number of answers is remembered, since remote
 * endpoints name the error types.
 */
final class ErrorTypes {

	private static final int REMEMBERED = 1024;

	private final List<String> names;

	private final List<Class<?>> classes;

	private final Map<String, Boolean> matched = new ConcurrentHashMap<>();

	ErrorTypes(List<String> names) {
		this.names = List.copyOf(names);
		this.classes = names.stream().map(ErrorTypes::load).filter(Objects::nonNull).toList();
	}

	List<String> names() {
		return this.names;
	}

	boolean matches(String errorType) {
		if (this.names.isEmpty()) {
			return false;
		}
		Boolean known = this.matched.get(errorType);
		if (known != null) {
			return known;
		}
		boolean matches = resolve(errorType);
		if (this.matched.size() < REMEMBERED) {
			this.matched.put(errorType, matches);
		}
		return matches;
	}

	private boolean resolve(String errorType) {
		if (this.names.contains(errorType)) {
			return true;
		}
		Class<?> thrown = load(errorType);
		return thrown != null && this.classes.stream().anyMatch((type) -> type.isAssignableFrom(thrown));
	}

	private static @Nullable Class<?> load(String name) {
		try {
			return ClassUtils.forName(name, ClassUtils.getDefaultClassLoader());
		}
		catch (ClassNotFoundException | LinkageError | IllegalArgumentException ex) {
			return null;
		}
	}

}
