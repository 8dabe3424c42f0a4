package io.github.dispatchspring.durability.chaos;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;

/**
 * Groups of calls whose attempts fail on purpose, some for a while and some for good, gathered by one
 * parent per group; with {@code chaos.groups} set it runs them at startup, reports what every call
 * and parent came to, and exits.
 */
@SpringBootApplication
public class ChaosApplication {

	public static void main(String[] args) {
		new SpringApplicationBuilder(ChaosApplication.class).web(WebApplicationType.NONE).run(args);
	}

}
