package io.github.dispatchspring.documentation.examples;

import io.github.dispatchspring.DispatchFunction;

/**
 * A function that several mirrors serve.
 */
class Mirrors {

	@DispatchFunction
	public String download(String mirror) {
		return mirror + "/release.zip";
	}

}
