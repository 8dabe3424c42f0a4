package io.github.dispatchspring.durability.draw;

import java.time.Duration;

import io.github.dispatchspring.DispatchClient;
import io.github.dispatchspring.DispatchId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/**
 * With {@code draws.await=true}, dispatches {@code draw} calls one after another on a thread of its
 * own, awaits each and logs {@code Awaited <id> = <result>}, until the application stops.
 */
@Component
public class AwaitedDraws implements ApplicationRunner {

	private static final Logger logger = LoggerFactory.getLogger(AwaitedDraws.class);

	private final DispatchClient client;

	private final boolean await;

	public AwaitedDraws(DispatchClient client, @Value("${draws.await:false}") boolean await) {
		this.client = client;
		this.await = await;
	}

	@Override
	public void run(ApplicationArguments args) {
		if (!this.await) {
			return;
		}
		Thread thread = new Thread(() -> {
			for (int number = 0; !Thread.currentThread().isInterrupted(); number++) {
				DispatchId id = this.client.dispatch("draw", number);
				logger.info("Awaited {} = {}", id, this.client.await(id, String.class, Duration.ofMinutes(1)));
			}
		}, "awaited-draws");
		thread.setDaemon(true);
		thread.start();
	}

}
