package io.github.dispatchspring.client;

import java.io.Serializable;
import java.lang.invoke.MethodHandleInfo;
import java.lang.invoke.SerializedLambda;
import java.lang.reflect.Method;

import io.github.dispatchspring.FunctionReference;
import io.github.dispatchspring.function.FunctionRegistry;
import io.github.dispatchspring.function.RegisteredFunction;

import org.springframework.asm.Type;
import org.springframework.util.ClassUtils;
import org.springframework.util.ReflectionUtils;

/**
 * Finds the registered function a {@link FunctionReference} refers to, from the method reference the
 * compiler serialized it as.
 */
final class FunctionReferences {

	private final FunctionRegistry registry;

	FunctionReferences(FunctionRegistry registry) {
		this.registry = registry;
	}

	/**
	 * The function a reference names.
	 * @param reference a method reference, serializable as every {@link FunctionReference} is
	 * @return the function
	 * @throws IllegalArgumentException if it is not a method reference to a registered function
	 */
	RegisteredFunction resolve(Serializable reference) {
		SerializedLambda lambda = serialized(reference);
		int kind = lambda.getImplMethodKind();
		String className = lambda.getImplClass().replace('/', '.');
		String methodName = lambda.getImplMethodName();
		if ((kind != MethodHandleInfo.REF_invokeVirtual && kind != MethodHandleInfo.REF_invokeInterface)
				|| methodName.startsWith("lambda$")) {
			throw new IllegalArgumentException("A function reference must be a method reference to an instance "
					+ "method, such as Invoicing::generateInvoice, not a lambda or a static method (" + className + "."
					+ methodName + ")");
		}
		for (RegisteredFunction function : this.registry.functions()) {
			if (refersTo(function.method(), className, methodName, lambda.getImplMethodSignature())) {
				return function;
			}
		}
		throw new IllegalArgumentException(className + "." + methodName + " is not a @DispatchFunction of this "
				+ "application: annotate the method of the bean with @DispatchFunction, or name a function of another "
				+ "application with function(String, Class)");
	}

	private static boolean refersTo(Method method, String className, String methodName, String descriptor) {
		if (!method.getName().equals(methodName) || !Type.getMethodDescriptor(method).equals(descriptor)) {
			return false;
		}
		ClassLoader classLoader = method.getDeclaringClass().getClassLoader();
		if (!ClassUtils.isPresent(className, classLoader)) {
			return false;
		}
		return method.getDeclaringClass().isAssignableFrom(ClassUtils.resolveClassName(className, classLoader));
	}

	private static SerializedLambda serialized(Serializable reference) {
		Method writeReplace = ReflectionUtils.findMethod(reference.getClass(), "writeReplace");
		if (writeReplace == null) {
			throw new IllegalArgumentException("A function reference must be a method reference, such as "
					+ "Invoicing::generateInvoice, not an object of " + reference.getClass().getName());
		}
		ReflectionUtils.makeAccessible(writeReplace);
		Object replacement = ReflectionUtils.invokeMethod(writeReplace, reference);
		if (!(replacement instanceof SerializedLambda lambda)) {
			throw new IllegalArgumentException("A function reference must be a method reference, such as "
					+ "Invoicing::generateInvoice, not an object of " + reference.getClass().getName());
		}
		return lambda;
	}

}
