package io.github.dispatchspring.function;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Type;

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
	 * The type of the function's input, or {@code null} when it takes none.
	 * @return the input type
	 */
	public @Nullable Type inputType() {
		return (this.method.getParameterCount() == 0) ? null : this.method.getGenericParameterTypes()[0];
	}

	/**
	 * Invokes the function.
	 * @param input the decoded input, ignored when the function takes none
	 * @return what the function returned, {@code null} for {@code void}
	 * @throws Throwable what the function threw
	 */
	public @Nullable Object invoke(@Nullable Object input) throws Throwable {
		Invocable target = invocable();
		Object[] arguments = (this.method.getParameterCount() == 0) ? new Object[0] : new Object[] { input };
		try {
			return target.method.invoke(target.bean, arguments);
		}
		catch (InvocationTargetException ex) {
			throw ex.getCause();
		}
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
