package io.github.dispatchspring.durability.gather;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;

/**
 * One function gathering many no-op calls; with {@code gather.calls} set it runs one such gather at
 * startup, reports its wall time and the peak heap, and exits.
 */
@SpringBootApplication
public class GatherApplication {

	public static void main(String[] args) {
		new SpringApplicationBuilder(GatherApplication.class).web(WebApplicationType.NONE).run(args);
	}

}
