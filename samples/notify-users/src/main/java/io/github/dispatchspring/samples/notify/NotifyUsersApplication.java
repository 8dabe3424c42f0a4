package io.github.dispatchspring.samples.notify;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * Fans out: one notification call per user, dispatched at startup without waiting.
 */
@SpringBootApplication
public class NotifyUsersApplication {

	public static void main(String[] args) {
		SpringApplication.run(NotifyUsersApplication.class, args);
	}

}
