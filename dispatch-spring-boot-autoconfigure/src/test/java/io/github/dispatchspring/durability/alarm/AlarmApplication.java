package io.github.dispatchspring.durability.alarm;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;

/**
 * An application without a web server whose one function, {@code ring}, sleeps durably for three
 * seconds and records each of its runs in the file {@code alarm.runs}; {@code alarm.dispatch} and
 * {@code alarm.await} make it dispatch a call or await one at startup.
 */
@SpringBootApplication
public class AlarmApplication {

	public static void main(String[] args) {
		new SpringApplicationBuilder(AlarmApplication.class).web(WebApplicationType.NONE).run(args);
	}

}
