package io.github.dispatchspring.samples.scheduler;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * A standalone Dispatch scheduler, for applications written with the Go or Python Dispatch SDKs: it
 * has no functions of its own, serves the Dispatch API and runs each call at its endpoint over HTTP,
 * signed.
 */
@SpringBootApplication
public class SchedulerApplication {

	public static void main(String[] args) {
		SpringApplication.run(SchedulerApplication.class, args);
	}

}
