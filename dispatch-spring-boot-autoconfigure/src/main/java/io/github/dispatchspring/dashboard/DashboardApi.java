package io.github.dispatchspring.dashboard;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.Map;

import io.github.dispatchspring.scheduler.CallControl;
import io.github.dispatchspring.scheduler.CallDetails;
import io.github.dispatchspring.scheduler.CallFilter;
import io.github.dispatchspring.scheduler.CallPage;
import io.github.dispatchspring.scheduler.CallQueries;
import io.github.dispatchspring.scheduler.CallState;
import io.github.dispatchspring.scheduler.Intervention;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The dashboard's JSON API, which its page reads every two seconds: the overview, pages of calls,
 * one call, and the actions on a call. Its paths are within the dashboard's, which the application's
 * MVC configuration puts before them.
 */
@RestController
@RequestMapping(DashboardApi.API)
public final class DashboardApi {

	/** The path of the API, within the dashboard's. */
	static final String API = "/api";

	private static final Duration PERIOD = Duration.ofHours(1);

	private static final int DEFAULT_PAGE = 50;

	private static final int MAX_PAGE = 200;

	private static final MediaType JSON = new MediaType(MediaType.APPLICATION_JSON, StandardCharsets.UTF_8);

	private final CallQueries queries;

	private final CallControl control;

	private final CallViews views;

	private final DashboardAccess access;

	private final Runnable wakeUp;

	private final Clock clock;

	/**
	 * Creates the API.
	 * @param queries what the store tells of its calls
	 * @param control the actions on calls
	 * @param views shows calls and the overview
	 * @param access who may use the dashboard
	 * @param wakeUp wakes the scheduler when an action made calls due
	 * @param clock the clock
	 */
	public DashboardApi(CallQueries queries, CallControl control, CallViews views, DashboardAccess access,
			Runnable wakeUp, Clock clock) {
		this.queries = queries;
		this.control = control;
		this.views = views;
		this.access = access;
		this.wakeUp = wakeUp;
		this.clock = clock;
	}

	@GetMapping("/session")
	ResponseEntity<String> session() {
		return json(HttpStatus.OK, Map.of("loginForm", this.access.loginForm()));
	}

	@GetMapping("/overview")
	ResponseEntity<String> overview() {
		Instant now = this.clock.instant();
		Instant since = now.minus(PERIOD).truncatedTo(ChronoUnit.MINUTES);
		return json(HttpStatus.OK, this.views.overview(this.queries.overview(since), since, now));
	}

	@GetMapping("/calls")
	ResponseEntity<String> calls(@RequestParam Map<String, String> parameters) {
		CallFilter filter;
		int limit;
		try {
			filter = filter(parameters);
			limit = Math.min(MAX_PAGE, Integer.parseInt(parameters.getOrDefault("limit", "" + DEFAULT_PAGE)));
		}
		catch (IllegalArgumentException | DateTimeException ex) {
			return json(HttpStatus.BAD_REQUEST, Map.of("error", ex.getMessage()));
		}
		return json(HttpStatus.OK, CallViews.page(this.queries.calls(filter, Math.max(1, limit))));
	}

	private static CallFilter filter(Map<String, String> parameters) {
		String state = given(parameters, "state");
		String from = given(parameters, "from");
		String to = given(parameters, "to");
		String after = given(parameters, "after");
		return new CallFilter(given(parameters, "function"),
				(state != null) ? CallState.valueOf(state.toUpperCase(Locale.ROOT)) : null,
				(from != null) ? Instant.parse(from) : null, (to != null) ? Instant.parse(to) : null,
				given(parameters, "root"), given(parameters, "parent"), given(parameters, "search"),
				(after != null) ? CallPage.Cursor.parse(after) : null);
	}

	private static @Nullable String given(Map<String, String> parameters, String name) {
		String value = parameters.get(name);
		return (value == null || value.isBlank()) ? null : value.strip();
	}

	@GetMapping("/calls/{id}")
	ResponseEntity<String> call(@PathVariable String id) {
		CallDetails call = this.queries.call(id);
		if (call == null) {
			return json(HttpStatus.NOT_FOUND, Map.of("error", "the store holds no call " + id));
		}
		return json(HttpStatus.OK, this.views.call(call));
	}

	@PostMapping("/calls/{id}/cancel")
	ResponseEntity<String> cancel(@PathVariable String id) {
		return acted(this.control.cancel(id));
	}

	@PostMapping("/calls/{id}/run-again")
	ResponseEntity<String> runAgain(@PathVariable String id) {
		return acted(this.control.runAgain(id));
	}

	private ResponseEntity<String> acted(Intervention intervention) {
		HttpStatus status = switch (intervention.outcome()) {
			case APPLIED -> HttpStatus.OK;
			case REFUSED -> HttpStatus.CONFLICT;
			case UNKNOWN_CALL -> HttpStatus.NOT_FOUND;
		};
		if (status == HttpStatus.OK) {
			this.wakeUp.run();
		}
		return json(status, intervention);
	}

	private static ResponseEntity<String> json(HttpStatus status, Object body) {
		return ResponseEntity.status(status).contentType(JSON).body(DashboardJson.write(body));
	}

}
