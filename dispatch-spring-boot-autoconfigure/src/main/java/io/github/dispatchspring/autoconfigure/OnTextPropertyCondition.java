package io.github.dispatchspring.autoconfigure;

import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.util.StringUtils;

/**
 * Matches when a property is set, or when it is not: a blank value, as an empty environment variable
 * gives, counts as not set, the way the Dispatch SDKs read their environment.
 */
abstract class OnTextPropertyCondition extends SpringBootCondition {

	private final String property;

	private final boolean set;

	OnTextPropertyCondition(String property, boolean set) {
		this.property = property;
		this.set = set;
	}

	@Override
	public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
		String value = Binder.get(context.getEnvironment()).bind(this.property, String.class).orElse(null);
		boolean hasText = StringUtils.hasText(value);
		String state = this.property + (hasText ? " is set" : " is not set");
		return (hasText == this.set) ? ConditionOutcome.match(state) : ConditionOutcome.noMatch(state);
	}

	/** Matches when {@code dispatch.verification-key} is set. */
	static final class VerificationKey extends OnTextPropertyCondition {

		VerificationKey() {
			super(SignatureKey.VERIFICATION_KEY.property(), true);
		}

	}

	/** Matches when calls go to the remote Dispatch API named by {@code dispatch.api-url}. */
	static final class RemoteApi extends OnTextPropertyCondition {

		RemoteApi() {
			super("dispatch.api-url", true);
		}

	}

	/** Matches when no remote Dispatch API is configured, so the embedded scheduler runs the calls. */
	static final class EmbeddedScheduler extends OnTextPropertyCondition {

		EmbeddedScheduler() {
			super("dispatch.api-url", false);
		}

	}

}
