package io.github.dispatchspring.autoconfigure;

import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.util.StringUtils;

/**
 * Matches when no remote Dispatch API is configured, so the embedded scheduler runs the calls.
 */
final class OnEmbeddedSchedulerCondition extends SpringBootCondition {

	@Override
	public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
		String apiUrl = context.getEnvironment().getProperty("dispatch.api-url");
		if (StringUtils.hasText(apiUrl)) {
			return ConditionOutcome.noMatch("dispatch.api-url is set to " + apiUrl);
		}
		return ConditionOutcome.match("dispatch.api-url is not set");
	}

}
