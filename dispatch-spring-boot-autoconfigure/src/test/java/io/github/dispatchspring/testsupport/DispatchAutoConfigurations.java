package io.github.dispatchspring.testsupport;

import java.util.List;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.annotation.ImportCandidates;
import org.springframework.util.ClassUtils;

/**
 * Every Dispatch auto-configuration, as the imports file registers them, for context runners.
 */
public final class DispatchAutoConfigurations {

	private DispatchAutoConfigurations() {
	}

	/**
	 * The Dispatch auto-configurations.
	 * @return them, to pass to {@code withConfiguration}
	 */
	public static AutoConfigurations all() {
		return AutoConfigurations.of(registered().toArray(Class<?>[]::new));
	}

	/**
	 * The Dispatch auto-configurations but one, as {@code spring.autoconfigure.exclude} leaves them.
	 * @param excluded the one left out
	 * @return the others, to pass to {@code withConfiguration}
	 */
	public static AutoConfigurations allBut(Class<?> excluded) {
		return AutoConfigurations.of(registered().stream().filter((type) -> type != excluded).toArray(Class<?>[]::new));
	}

	/**
	 * The Dispatch auto-configurations in the order of the imports file.
	 * @return their classes
	 */
	public static List<Class<?>> registered() {
		ClassLoader classLoader = DispatchAutoConfigurations.class.getClassLoader();
		return ImportCandidates.load(AutoConfiguration.class, classLoader)
			.getCandidates()
			.stream()
			.filter((name) -> name.startsWith("io.github.dispatchspring."))
			.<Class<?>>map((name) -> ClassUtils.resolveClassName(name, classLoader))
			.toList();
	}

}
