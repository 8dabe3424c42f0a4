package io.github.dispatchspring;

import java.io.Serializable;

/**
 * A {@link DispatchFunction} named by its method, such as {@code Invoicing::generateInvoice}, so that
 * the compiler checks the input and result types: {@link DispatchClient#function(FunctionReference)}
 * turns it into a handle. Only method references to {@code @DispatchFunction} methods of this
 * application's beans are accepted; functions of other applications are named with
 * {@link DispatchClient#function(String, Class)}.
 *
 * @param <B> the bean declaring the function
 * @param <I> the input type
 * @param <R> the result type
 */
@FunctionalInterface
public interface FunctionReference<B, I, R> extends Serializable {

	/**
	 * Calls the method; never called by Dispatch, which only reads which method this refers to.
	 * @param bean the bean
	 * @param input the input
	 * @return the result
	 */
	R call(B bean, I input);

	/**
	 * A {@link DispatchFunction} that takes no input, such as {@code Invoicing::generateInvoices}.
	 *
	 * @param <B> the bean declaring the function
	 * @param <R> the result type
	 */
	@FunctionalInterface
	interface WithoutInput<B, R> extends Serializable {

		/**
		 * Calls the method; never called by Dispatch.
		 * @param bean the bean
		 * @return the result
		 */
		R call(B bean);

	}

	/**
	 * A {@link DispatchFunction} that returns nothing, such as {@code Invoicing::uploadToS3}.
	 *
	 * @param <B> the bean declaring the function
	 * @param <I> the input type
	 */
	@FunctionalInterface
	interface WithoutResult<B, I> extends Serializable {

		/**
		 * Calls the method; never called by Dispatch.
		 * @param bean the bean
		 * @param input the input
		 */
		void call(B bean, I input);

	}

	/**
	 * A {@link DispatchFunction} that also takes the {@link DispatchCall} it runs for.
	 *
	 * @param <B> the bean declaring the function
	 * @param <I> the input type
	 * @param <R> the result type
	 */
	@FunctionalInterface
	interface WithCall<B, I, R> extends Serializable {

		/**
		 * Calls the method; never called by Dispatch.
		 * @param bean the bean
		 * @param input the input
		 * @param call the call
		 * @return the result
		 */
		R call(B bean, I input, DispatchCall call);

	}

	/**
	 * A {@link DispatchFunction} that takes the {@link DispatchCall} it runs for and returns nothing.
	 *
	 * @param <B> the bean declaring the function
	 * @param <I> the input type
	 */
	@FunctionalInterface
	interface WithCallWithoutResult<B, I> extends Serializable {

		/**
		 * Calls the method; never called by Dispatch.
		 * @param bean the bean
		 * @param input the input
		 * @param call the call
		 */
		void call(B bean, I input, DispatchCall call);

	}

}
