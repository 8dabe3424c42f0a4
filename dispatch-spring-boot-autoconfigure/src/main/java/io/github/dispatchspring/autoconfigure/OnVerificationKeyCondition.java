package io.github.dispatchspring.autoconfigure;

import org.springframework.boot.autoconfigure.condition.AnyNestedCondition;
import org.springframework.context.annotation.Conditional;

/**
 * Matches when the webhook has a key to verify request signatures with: {@code dispatch.verification-key}
 * is set, or the embedded scheduler runs and signs with its own key pair.
 */
final class OnVerificationKeyCondition extends AnyNestedCondition {

	OnVerificationKeyCondition() {
		super(ConfigurationPhase.REGISTER_BEAN);
	}

	@Conditional(OnKeyPropertyCondition.VerificationKey.class)
	static final class VerificationKeySet {

	}

	@Conditional(DispatchApiUrlCondition.Embedded.class)
	static final class EmbeddedScheduler {

	}

}
