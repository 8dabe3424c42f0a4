package io.github.dispatchspring.autoconfigure;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Configuration of the {@code dispatch} health indicator, under the prefix {@code dispatch.health}.
 */
@ConfigurationProperties("dispatch.health")
public class DispatchHealthProperties {

	/**
	 * Longest a due call may wait for a worker before the health tells of a backlog.
	 */
	private Duration maxDueAge = Duration.ofMinutes(1);

	/**
	 * Most calls that may be due at once before the health tells of a backlog; 0 for no limit.
	 */
	private long maxDueCalls;

	/**
	 * Health status of a backlog past max-due-age or max-due-calls, such as UP or OUT_OF_SERVICE.
	 */
	private String backlogStatus = "UP";

	public Duration getMaxDueAge() {
		return this.maxDueAge;
	}

	public void setMaxDueAge(Duration maxDueAge) {
		this.maxDueAge = maxDueAge;
	}

	public long getMaxDueCalls() {
		return this.maxDueCalls;
	}

	public void setMaxDueCalls(long maxDueCalls) {
		this.maxDueCalls = maxDueCalls;
	}

	public String getBacklogStatus() {
		return this.backlogStatus;
	}

	public void setBacklogStatus(String backlogStatus) {
		this.backlogStatus = backlogStatus;
	}

}
