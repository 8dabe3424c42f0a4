package io.github.dispatchspring.test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import io.github.dispatchspring.DispatchClient;
import io.github.dispatchspring.DispatchFunction;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Import;

/**
 * An application whose functions the test kit's tests run: each function notes the time of each of
 * its runs on the application's clock.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
@Import(KitApplication.Functions.class)
class KitApplication {

	static class Functions {

		private final DispatchClient client;

		private final Clock clock;

		private final Map<String, List<Instant>> runs = new ConcurrentHashMap<>();

		private final AtomicInteger failuresLeft = new AtomicInteger();

		Functions(DispatchClient client, Clock clock) {
			this.client = client;
			this.clock = clock;
		}

		@DispatchFunction
		public String greet(String name) {
			ran("greet");
			return "Hello, " + name;
		}

		@DispatchFunction
		public Integer square(Integer number) {
			ran("square");
			return number * number;
		}

		@DispatchFunction
		public Integer sumOfSquares(List<Integer> numbers) {
			ran("sumOfSquares");
			return this.client.gather("square", numbers, Integer.class).stream().mapToInt(Integer::intValue).sum();
		}

		@DispatchFunction
		public String sendMail(String to) {
			ran("sendMail");
			if (this.failuresLeft.getAndDecrement() > 0) {
				throw new UncheckedIOException(new IOException("the mail relay is down"));
			}
			return "sent to " + to;
		}

		@DispatchFunction
		public String slowOnce(String report) throws InterruptedException {
			ran("slowOnce");
			if (runs("slowOnce").size() == 1) {
				Thread.sleep(Duration.ofMinutes(10).toMillis());
			}
			return "generated " + report;
		}

		@DispatchFunction
		public String callPartner(String request) {
			ran("callPartner");
			return "answered " + request;
		}

		@DispatchFunction
		public String wakeUpTomorrow() {
			ran("wakeUpTomorrow");
			this.client.sleep(Duration.ofDays(1));
			return this.clock.instant().toString();
		}

		private void ran(String function) {
			this.runs.computeIfAbsent(function, (name) -> new CopyOnWriteArrayList<>()).add(this.clock.instant());
		}

		/** When the function ran, on the application's clock, oldest first. */
		List<Instant> runs(String function) {
			return this.runs.getOrDefault(function, List.of());
		}

		/** Makes the next runs of {@code sendMail} fail with an I/O error. */
		void failNextMails(int failures) {
			this.failuresLeft.set(failures);
		}

		void forget() {
			this.runs.clear();
			this.failuresLeft.set(0);
		}

	}

}
