package io.github.dispatchspring.durable;

/**
 * Ends a call whose function, run again from the top, asks at some step for other calls than an
 * earlier run of the call did: its code is not deterministic between gathers, or it changed while
 * the call was suspended. Mixing the results of the earlier calls into this run would be wrong, and
 * running it again would diverge again, so the call fails at once. It is an {@link Error} so that
 * user code catching {@link Exception} does not swallow it.
 */
public final class ReplayDivergence extends Error {

	ReplayDivergence(String message) {
		super(message);
	}

}
