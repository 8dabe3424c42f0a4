package io.github.dispatchspring;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a bean method as a Dispatch function, served by the application's webhook and run by the
 * scheduler. The method takes zero or one parameter and returns any serializable value or
 * {@code void}. Code between two gathers must be deterministic: a function that gathers is run again
 * from the top when its results arrive, and earlier gathers then return at once.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface DispatchFunction {

	/**
	 * The function's name; the method name when empty. Must match {@code [a-zA-Z_][a-zA-Z0-9_<>.]*}
	 * and be at most 512 characters long.
	 * @return the function name
	 */
	String value() default "";

}
