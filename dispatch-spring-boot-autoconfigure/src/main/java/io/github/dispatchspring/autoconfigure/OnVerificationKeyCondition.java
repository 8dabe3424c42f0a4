package io.github.dispatchspring.autoconfigure;

import io.github.dispatchspring.scheduler.SchedulerKeys;

import org.springframework.boot.autoconfigure.condition.AnyNestedCondition;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.context.annotation.Conditional;

/**
 * Matches when the webhook has a key to verify request signatures with: {@code dispatch.verification-key}
 * is set, or the embedded scheduler signs with its own key pair ({@link SchedulerKeys}).
 */
final class OnVerificationKeyCondition extends AnyNestedCondition {

	OnVerificationKeyCondition() {
		super(ConfigurationPhase.REGISTER_BEAN);
	}

	@Conditional(OnTextPropertyCondition.VerificationKey.class)
	static final class VerificationKeySet {

	}

	@ConditionalOnBean(SchedulerKeys.class)
	static final class SchedulerKeysDefined {

	}

}
