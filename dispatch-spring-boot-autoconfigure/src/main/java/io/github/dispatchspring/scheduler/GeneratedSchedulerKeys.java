package io.github.dispatchspring.scheduler;

import io.github.dispatchspring.signature.SigningKeyPair;
import org.jspecify.annotations.Nullable;

/**
 * A key pair generated for this process, for a store that does not outlive it.
 */
public final class GeneratedSchedulerKeys implements SchedulerKeys {

	private @Nullable SigningKeyPair pair;

	@Override
	public synchronized SigningKeyPair loadOrCreate() {
		if (this.pair == null) {
			this.pair = SigningKeyPair.generate();
		}
		return this.pair;
	}

}
