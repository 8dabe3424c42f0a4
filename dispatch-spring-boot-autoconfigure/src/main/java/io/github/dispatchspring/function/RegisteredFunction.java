package io.github.dispatchspring.function;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Type;
import java.util.Arrays;
import java.util.function.Supplier;

import io.github.dispatchspring.DispatchCall;

import org.jspecify.annotations.Nullable;
import org.springframework.aop.support.AopUtils;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.util.ReflectionUtils;

/**
 * A {@code @DispatchFunction} method of a bean, resolved lazily by bean name.
 */
public final class RegisteredFunction {

	private final String name;

	private final String beanName;

	private final Method method;

	private final BeanFactory beanFactory;

	private volatile @Nullable Invocable invocable;

	RegisteredFunction(String name, String beanName, Method method, BeanFactory beanFactory) {
		this.name = name;
		this.beanName = beanName;
		this.method = method;
		this.beanFactory = beanFactory;
	}

	/**
	 * The function's name.
	 * @return the name
	 */
	public String name() {
		return this.name;
	}

	/**
	 * Where the function is declared, for messages.
	 * @return bean name and method
	 */
	public String describe() {
		return "bean '" + this.beanName + "' (" + this.method.getDeclaringClass().getName() + "."
				+ this.method.getName() + ")";
	}

	/**
	 * The type of the function's input, or {@code null} when it takes none: its one parameter that is
	 * not a {@link DispatchCall}.
	 * @return the input type
	 */
	public @Nullable Type inputType() {
		int input = inputIndex(this.method);
		return (input < 0) ? null : this.method.getGenericParameterTypes()[input];
	}

	/**
	 * The method declaring the function.
	 * @return the method
	 */
	public Method method() {
		return this.method;
	}

	/**
	 * Invokes the function.
	 * @param input the decoded input, ignored when the function takes none
	 * @param call the call it runs for, asked for only when the method declares a {@link DispatchCall}
	 * parameter
	 * @return what the function returned, {@code null} for {@code void}
	 * @throws Throwable what the function threw
	 */
	public @Nullable Object invoke(@Nullable Object input, Supplier<DispatchCall> call) throws Throwable {
		Invocable target = invocable();
		Class<?>[] types = this.method.getParameterTypes();
		Object[] arguments = new Object[types.length];
		for (int i = 0; i < types.length; i++) {
			arguments[i] = (types[i] == DispatchCall.class) ? call.get() : input;
		}
		try {
			return target.method.invoke(target.bean, arguments);
		}
		catch (InvocationTargetException ex) {
			throw ex.getCause();
		}
	}

	/**
	 * The index of a method's input parameter, the one that is not a {@link DispatchCall}.
	 * @param method the method
	 * @return the index, or -1 when it takes no input
	 */
	static int inputIndex(Method method) {
		Class<?>[] types = method.getParameterTypes();
		for (int i = 0; i < types.length; i++) {
			if (types[i] != DispatchCall.class) {
				return i;
			}
		}
		return -1;
	}

	/**
	 * How many inputs a method takes: its parameters that are not a {@link DispatchCall}.
	 * @param method the method
	 * @return the number of inputs
	 */
	static long inputCount(Method method) {
		return Arrays.stream(method.getParameterTypes()).filter((type) -> type != DispatchCall.class).count();
	}

	private Invocable invocable() {
		Invocable target = this.invocable;
		if (target == null) {
			Object bean = this.beanFactory.getBean(this.beanName);
			Method invocableMethod = AopUtils.selectInvocableMethod(this.method, bean.getClass());
			ReflectionUtils.makeAccessible(invocableMethod);
			target = new Invocable(bean, invocableMethod);
			this.invocable = target;
		}
		return target;
	}

	private record Invocable(Object bean, Method method) {
	}

}
