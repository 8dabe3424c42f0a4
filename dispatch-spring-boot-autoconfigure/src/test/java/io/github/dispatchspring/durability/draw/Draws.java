package io.github.dispatchspring.durability.draw;

import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import io.github.dispatchspring.DispatchFunction;

import org.springframework.stereotype.Component;

/**
 * The {@code draw} function: works for up to 20 milliseconds, then returns its input with a random
 * UUID.
 */
@Component
public class Draws {

	@DispatchFunction
	public String draw(Integer number) throws InterruptedException {
		Thread.sleep(ThreadLocalRandom.current().nextInt(20));
		return number + ":" + UUID.randomUUID();
	}

}
