package io.github.dispatchspring.function;

import java.lang.reflect.Method;
import java.util.Map;

import io.github.dispatchspring.DispatchFunction;

import org.springframework.aop.scope.ScopedProxyUtils;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.core.MethodIntrospector;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.util.ClassUtils;

/**
 * Finds {@link DispatchFunction} methods once all singletons exist, before the web server starts,
 * and registers them. A scoped bean is registered through its proxy, never through its target. Bad declarations fail startup with a message naming the bean and method.
 */
public final class DispatchFunctionDiscoverer implements SmartInitializingSingleton {

	private final ConfigurableListableBeanFactory beanFactory;

	private final FunctionRegistry registry;

	public DispatchFunctionDiscoverer(ConfigurableListableBeanFactory beanFactory, FunctionRegistry registry) {
		this.beanFactory = beanFactory;
		this.registry = registry;
	}

	@Override
	public void afterSingletonsInstantiated() {
		for (String beanName : this.beanFactory.getBeanNamesForType(Object.class, false, false)) {
			if (ScopedProxyUtils.isScopedTarget(beanName)) {
				continue;
			}
			Class<?> type = this.beanFactory.getType(beanName, false);
			if (type != null) {
				discover(beanName, ClassUtils.getUserClass(type));
			}
		}
	}

	private void discover(String beanName, Class<?> type) {
		Map<Method, DispatchFunction> methods = MethodIntrospector.selectMethods(type,
				(MethodIntrospector.MetadataLookup<DispatchFunction>) (method) -> AnnotatedElementUtils
					.findMergedAnnotation(method, DispatchFunction.class));
		methods.forEach((method, annotation) -> {
			String name = annotation.value().isEmpty() ? method.getName() : annotation.value();
			RegisteredFunction function = new RegisteredFunction(name, beanName, method, this.beanFactory);
			long inputs = RegisteredFunction.inputCount(method);
			if (inputs > 1 || method.getParameterCount() > inputs + 1) {
				throw new IllegalStateException("Dispatch function '" + name + "' of " + function.describe()
						+ " takes " + method.getParameterCount() + " parameters; a function takes zero or one input, "
						+ "and may take the DispatchCall it runs for: wrap several values in a record");
			}
			this.registry.register(function);
		});
	}

}
