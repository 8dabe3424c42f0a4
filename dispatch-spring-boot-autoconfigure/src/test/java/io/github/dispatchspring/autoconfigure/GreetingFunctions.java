package io.github.dispatchspring.autoconfigure;

import io.github.dispatchspring.DispatchFunction;

/**
 * A function for the tests of the auto-configurations that run calls.
 */
class GreetingFunctions {

	@DispatchFunction
	public String greet(String name) {
		return "Hello " + name;
	}

}
