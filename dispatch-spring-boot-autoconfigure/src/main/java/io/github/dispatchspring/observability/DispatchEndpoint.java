package io.github.dispatchspring.observability;

import java.lang.reflect.Type;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import io.github.dispatchspring.function.FunctionRegistry;
import io.github.dispatchspring.function.RegisteredFunction;
import io.github.dispatchspring.scheduler.CallStore;
import io.github.dispatchspring.scheduler.EmbeddedScheduler;
import io.github.dispatchspring.scheduler.Instance;
import io.github.dispatchspring.scheduler.StoreStatistics;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;

/**
 * The actuator endpoint {@code dispatch}: the functions registered here with the settings their calls
 * run with, and, with the embedded scheduler, its state and settings, the calls of its store by state
 * and the instances sharing the store. Reading it counts every call of the store.
 */
@Endpoint(id = "dispatch")
public final class DispatchEndpoint {

	private final FunctionRegistry registry;

	private final Function<String, Map<String, Object>> functionSettings;

	private final @Nullable Scheduler scheduler;

	private final Clock clock;

	/**
	 * Creates the endpoint.
	 * @param registry the functions
	 * @param functionSettings the settings the calls of a function run with, by its name
	 * @param scheduler the embedded scheduler and its store, or {@code null} without one
	 * @param clock the clock
	 */
	public DispatchEndpoint(FunctionRegistry registry, Function<String, Map<String, Object>> functionSettings,
			@Nullable Scheduler scheduler, Clock clock) {
		this.registry = registry;
		this.functionSettings = functionSettings;
		this.scheduler = scheduler;
		this.clock = clock;
	}

	/**
	 * What this application runs.
	 * @return the report
	 */
	@ReadOperation
	public Report report() {
		Map<String, FunctionDescription> functions = new LinkedHashMap<>();
		for (RegisteredFunction function : this.registry.functions()) {
			Type input = function.inputType();
			functions.put(function.name(), new FunctionDescription(
					function.method().getDeclaringClass().getName() + "." + function.method().getName(),
					(input != null) ? input.getTypeName() : null,
					Collections.unmodifiableMap(new LinkedHashMap<>(this.functionSettings.apply(function.name())))));
		}
		if (this.scheduler == null) {
			return new Report(functions, null, null, List.of());
		}
		return new Report(functions, this.scheduler.describe(), this.scheduler.calls(this.clock.instant()),
				this.scheduler.store().instances().stream().map(InstanceDescription::of).toList());
	}

	/**
	 * The embedded scheduler and its store.
	 *
	 * @param scheduler the scheduler
	 * @param store the store
	 * @param statistics the store's statistics, or {@code null} when it gives none
	 * @param storeName the name of the store
	 */
	public record Scheduler(EmbeddedScheduler scheduler, CallStore store, @Nullable StoreStatistics statistics,
			String storeName) {

		SchedulerDescription describe() {
			EmbeddedScheduler.Settings settings = this.scheduler.settings();
			Map<String, Object> described = new LinkedHashMap<>();
			described.put("concurrency", settings.concurrency());
			described.put("claimBatchSize", settings.claimBatchSize());
			described.put("leaseDuration", settings.leaseDuration().toString());
			described.put("instanceTimeout", settings.instanceTimeout().toString());
			described.put("pollInterval", settings.pollInterval().toString());
			described.put("shutdownTimeout", settings.shutdownTimeout().toString());
			described.put("retention", (settings.retention() != null) ? settings.retention().toString() : null);
			return new SchedulerDescription(this.scheduler.isRunning() ? "running" : "stopped", this.storeName,
					this.scheduler.runningCalls(), described);
		}

		@Nullable CallsDescription calls(Instant now) {
			if (this.statistics == null) {
				return null;
			}
			StoreStatistics.Counts counts = this.statistics.counts();
			StoreStatistics.Backlog backlog = this.statistics.backlog(now);
			Duration age = backlog.oldestDueAge(now);
			return new CallsDescription(counts.pending(), counts.running(), counts.suspended(), counts.ended(),
					backlog.due(), (backlog.oldestDue() != null) ? backlog.oldestDue().toString() : null,
					(backlog.oldestDue() != null) ? age.toString() : null);
		}

	}

	/**
	 * What the endpoint answers.
	 *
	 * @param functions the functions registered here, by name
	 * @param scheduler the embedded scheduler, or {@code null} without one
	 * @param calls the calls of its store, or {@code null} without a scheduler or statistics
	 * @param instances the instances registered in the store, this one included
	 */
	public record Report(Map<String, FunctionDescription> functions, @Nullable SchedulerDescription scheduler,
			@Nullable CallsDescription calls, List<InstanceDescription> instances) {
	}

	/**
	 * A function.
	 *
	 * @param method the method declaring it
	 * @param input the type of its input, or {@code null} when it takes none
	 * @param settings the settings its calls run with
	 */
	public record FunctionDescription(String method, @Nullable String input, Map<String, Object> settings) {
	}

	/**
	 * The embedded scheduler.
	 *
	 * @param state {@code running} or {@code stopped}
	 * @param store the name of its store
	 * @param runningCalls the calls it runs now
	 * @param settings how it runs
	 */
	public record SchedulerDescription(String state, String store, int runningCalls, Map<String, Object> settings) {
	}

	/**
	 * The calls of the store.
	 *
	 * @param pending calls waiting for their first attempt or a retry
	 * @param running calls leased by a worker
	 * @param suspended calls waiting for the results of their calls
	 * @param ended calls whose result is recorded
	 * @param due calls due now that no worker runs
	 * @param oldestDue when the call due the longest became due, or {@code null}
	 * @param oldestDueAge how long it has waited, or {@code null}
	 */
	public record CallsDescription(long pending, long running, long suspended, long ended, long due,
			@Nullable String oldestDue, @Nullable String oldestDueAge) {
	}

	/**
	 * An instance sharing the store.
	 *
	 * @param application the application's name
	 * @param endpoint its endpoint URL
	 * @param functions the functions it serves
	 * @param startedAt when it started
	 */
	public record InstanceDescription(String application, String endpoint, List<String> functions, String startedAt) {

		static InstanceDescription of(Instance instance) {
			return new InstanceDescription(instance.application(), instance.endpoint(),
					instance.functions().stream().sorted().toList(), instance.startedAt().toString());
		}

	}

}
