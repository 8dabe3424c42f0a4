package io.github.dispatchspring.durability.fanout;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;

/**
 * A worker of a shared PostgreSQL store whose one function, {@code visit}, records which instance
 * ran it; with {@code fanout.calls} set it also dispatches that many calls at startup.
 */
@SpringBootApplication
public class FanOutApplication {

	public static void main(String[] args) {
		// Without a web server unless the arguments ask for one.
		new SpringApplicationBuilder(FanOutApplication.class).properties("spring.main.web-application-type=none")
			.run(args);
	}

}
