package io.github.dispatchspring.autoconfigure;

import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.util.StringUtils;

/**
 * Matches when a key property has a value that is not blank; a blank value, as an empty environment
 * variable gives, counts as not set, the way the Dispatch SDKs read their environment.
 */
abstract class OnKeyPropertyCondition extends SpringBootCondition {

	private final String property;

	OnKeyPropertyCondition(String property) {
		this.property = property;
	}

	@Override
	public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
		String value = Binder.get(context.getEnvironment()).bind(this.property, String.class).orElse(null);
		if (StringUtils.hasText(value)) {
			return ConditionOutcome.match(this.property + " is set");
		}
		return ConditionOutcome.noMatch(this.property + " is not set");
	}

	/** Matches when {@code dispatch.verification-key} is set. */
	static final class VerificationKey extends OnKeyPropertyCondition {

		VerificationKey() {
			super(SignatureKey.VERIFICATION_KEY.property());
		}

	}

}
