package io.github.dispatchspring.autoconfigure;

import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.util.StringUtils;

/**
 * Tells a remote Dispatch API ({@code dispatch.api-url} set) from the embedded scheduler (not set, or
 * blank as an empty environment variable gives), the one test every configuration shares.
 */
abstract class DispatchApiUrlCondition extends SpringBootCondition {

	private final boolean remote;

	DispatchApiUrlCondition(boolean remote) {
		this.remote = remote;
	}

	@Override
	public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
		String apiUrl = context.getEnvironment().getProperty("dispatch.api-url");
		boolean set = StringUtils.hasText(apiUrl);
		String state = set ? "dispatch.api-url is set to " + apiUrl : "dispatch.api-url is not set";
		return (set == this.remote) ? ConditionOutcome.match(state) : ConditionOutcome.noMatch(state);
	}

	/** Matches when no remote Dispatch API is configured, so the embedded scheduler runs the calls. */
	static final class Embedded extends DispatchApiUrlCondition {

		Embedded() {
			super(false);
		}

	}

	/** Matches when calls go to the remote Dispatch API named by {@code dispatch.api-url}. */
	static final class Remote extends DispatchApiUrlCondition {

		Remote() {
			super(true);
		}

	}

}
