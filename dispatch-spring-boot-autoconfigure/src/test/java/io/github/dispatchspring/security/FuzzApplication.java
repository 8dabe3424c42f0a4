package io.github.dispatchspring.security;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import io.github.dispatchspring.DispatchClient;
import io.github.dispatchspring.DispatchFunction;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * The application the fuzz test runs: three functions, one of which gathers the others.
 */
@SpringBootConfiguration(proxyBeanMethods = false)
@EnableAutoConfiguration
class FuzzApplication {

	@Bean
	Functions functions(DispatchClient client) {
		return new Functions(client);
	}

	static class Functions {

		private final DispatchClient client;

		private final Set<String> echoed = ConcurrentHashMap.newKeySet();

		Functions(DispatchClient client) {
			this.client = client;
		}

		@DispatchFunction
		String echo(String text) {
			this.echoed.add(text);
			return text;
		}

		/** The texts {@code echo} ran with. */
		Set<String> echoed() {
			return this.echoed;
		}

		@DispatchFunction
		long square(long number) {
			return number * number;
		}

		@DispatchFunction
		long sumOfSquares(List<Long> numbers) {
			return this.client.gather("square", numbers, Long.class).stream().mapToLong(Long::longValue).sum();
		}

	}

}
