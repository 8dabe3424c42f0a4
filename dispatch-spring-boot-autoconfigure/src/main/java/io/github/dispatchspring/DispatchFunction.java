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
 * <p>
 * The other attributes set how the scheduler treats the function's calls; an attribute left at its
 * default is not set, and then {@code dispatch.defaults.*} applies. Properties under
 * {@code dispatch.functions.<name>} win over these attributes.
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

	/**
	 * Attempts after which a call that keeps failing ends with its last error; 0 for no limit, -1
	 * (the default) for not set.
	 * @return the attempts
	 */
	int maxAttempts() default -1;

	/**
	 * Longest time one run of a call may take, such as {@code "30s"}, {@code "5m"} or
	 * {@code "PT1H"}; not set when empty. A run in-process that takes longer is interrupted and the
	 * attempt ends with {@code TIMEOUT}, which is retried.
	 * @return the timeout
	 */
	String timeout() default "";

	/**
	 * How long a call may take from dispatch to outcome, across attempts, such as {@code "1h"}; not
	 * set when empty. An expired call ends with {@code TIMEOUT}.
	 * @return the expiration
	 */
	String expiration() default "";

	/**
	 * Most calls of the function running at once, across all instances sharing the store; 0 (the
	 * default) for not set.
	 * @return the concurrency
	 */
	int concurrency() default 0;

	/**
	 * Which calls go first when calls of several functions compete for workers: higher first;
	 * {@link Integer#MIN_VALUE} (the default) for not set.
	 * @return the priority
	 */
	int priority() default Integer.MIN_VALUE;

	/**
	 * Exceptions that end a call at once even when their status is retryable; their subclasses too.
	 * @return the exception types never retried
	 */
	Class<? extends Throwable>[] noRetryFor() default {};

}
