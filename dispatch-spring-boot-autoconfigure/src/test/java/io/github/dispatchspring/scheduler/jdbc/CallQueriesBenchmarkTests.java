package io.github.dispatchspring.scheduler.jdbc;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;

import com.google.protobuf.Any;
import com.zaxxer.hikari.HikariDataSource;
import io.github.dispatchspring.durability.Measurements;
import io.github.dispatchspring.proto.CallResult;
import io.github.dispatchspring.proto.Error;
import io.github.dispatchspring.scheduler.CallFilter;
import io.github.dispatchspring.scheduler.CallPage;
import io.github.dispatchspring.scheduler.CallState;
import io.github.dispatchspring.scheduler.ClaimedCall;
import io.github.dispatchspring.scheduler.NewCall;
import io.github.dispatchspring.scheduler.Transition;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Measures the dashboard's queries on a PostgreSQL store holding 1,000,000 ended calls, through a
 * pool of connections as the application's store has, and what the indexes of those queries cost
 * the writes of the scheduler. Latencies are reported, never asserted:
 * run with {@code ./mvnw -B -pl dispatch-spring-boot-autoconfigure test -Pdurability-benchmarks
 * -Dtest=CallQueriesBenchmarkTests}; the lines go to {@code target/durability-measurements.txt}.
 */
@Tag("benchmark")
class CallQueriesBenchmarkTests {

	private static final int ENDED = 1_000_000;

	private static final int CALLS_PER_ROOT = 1000;

	private static final Duration SPAN = Duration.ofDays(7);

	private static final int RUNS = 30;

	private static final String[] QUERY_INDEXES = { "active", "ended", "ended_function", "ended_root_id", "failed" };

	private final Clock clock = Clock.systemUTC();

	@Test
	void listsAndSearchesAStoreOfAMillionEndedCalls() {
		HikariDataSource dataSource = pool(PostgresTestDatabase.create());
		JdbcCallStore store = MigratedStores.store(dataSource, "dispatch_", this.clock);
		JdbcTemplate jdbc = new JdbcTemplate(dataSource);
		Instant now = this.clock.instant();
		long start = System.nanoTime();
		fill(jdbc, now);
		Measurements.record(String.format("dashboard queries: %,d ended calls and 1,114 not ended inserted and analyzed "
				+ "in %.1f s", ENDED, (System.nanoTime() - start) / 1e9));
		String someId = jdbc.queryForObject("SELECT id FROM dispatch_calls WHERE function_name = 'function-3' "
				+ "ORDER BY created_at LIMIT 1 OFFSET 20000", String.class);
		String rootId = jdbc.queryForObject("SELECT root_id FROM dispatch_calls WHERE id = ?", String.class, someId);
		CallPage.Cursor middle = jdbc.queryForObject("SELECT created_at, id FROM dispatch_calls ORDER BY created_at "
				+ "LIMIT 1 OFFSET " + (ENDED / 2), (row, i) -> new CallPage.Cursor(
						Instant.ofEpochMilli(row.getLong("created_at")), row.getString("id")));
		Instant dayStart = now.minus(Duration.ofDays(3));

		measure("first page, no filter", () -> store.calls(CallFilter.ALL, 50));
		measure("page in the middle (keyset), no filter", () -> store.calls(CallFilter.ALL.after(middle), 50));
		measure("function", () -> store.calls(filter("function-7", null, null, null, null, null), 50));
		measure("state failed", () -> store.calls(filter(null, CallState.FAILED, null, null, null, null), 50));
		measure("state succeeded", () -> store.calls(filter(null, CallState.SUCCEEDED, null, null, null, null), 50));
		measure("state pending", () -> store.calls(filter(null, CallState.PENDING, null, null, null, null), 50));
		measure("function and state failed",
				() -> store.calls(filter("function-7", CallState.FAILED, null, null, null, null), 50));
		measure("created in one hour three days ago", () -> store
			.calls(new CallFilter(null, null, dayStart, dayStart.plus(Duration.ofHours(1)), null, null, null, null), 50));
		measure("tree (root id)", () -> store.calls(filter(null, null, rootId, null, null, null), 50));
		measure("calls made by a call (parent id)", () -> store.calls(filter(null, null, null, rootId, null, null), 50));
		measure("search by a whole dispatch id", () -> store.calls(filter(null, null, null, null, someId, null), 50));
		measure("search by the first 10 digits of an id",
				() -> store.calls(filter(null, null, null, null, someId.substring(0, 10), null), 50));
		measure("a call's summary", () -> store.summary(someId));
		measure("a call with its values, history and children count", () -> store.call(someId));
		measure("a root with 999 children", () -> store.call(rootId));
		measure("overview of the last hour", () -> store.overview(now.minus(Duration.ofHours(1))));
		dataSource.close();
	}

	private static HikariDataSource pool(PostgresTestDatabase database) {
		HikariDataSource pool = new HikariDataSource();
		pool.setJdbcUrl(database.jdbcUrl());
		pool.setUsername(database.username());
		pool.setPassword(database.password());
		pool.setMaximumPoolSize(4);
		return pool;
	}

	@Test
	void recordsTransitionsWithAndWithoutTheIndexesOfQueries() {
		HikariDataSource indexed = pool(PostgresTestDatabase.create());
		HikariDataSource bare = pool(PostgresTestDatabase.create());
		JdbcCallStore withIndexes = MigratedStores.store(indexed, "dispatch_", this.clock);
		JdbcCallStore withoutIndexes = MigratedStores.store(bare, "dispatch_", this.clock);
		for (String index : QUERY_INDEXES) {
			new JdbcTemplate(bare).execute("DROP INDEX dispatch_calls_" + index);
		}
		JdbcTemplate indexedJdbc = new JdbcTemplate(indexed);
		JdbcTemplate bareJdbc = new JdbcTemplate(bare);
		runCalls(withIndexes, indexedJdbc, "warm-up", 5_000);
		runCalls(withoutIndexes, bareJdbc, "warm-up", 5_000);
		for (int round = 1; round <= 3; round++) {
			Measurements.record("store writes with the indexes of queries (round " + round + "): "
					+ runCalls(withIndexes, indexedJdbc, "round-" + round, 20_000));
			Measurements.record("store writes without the indexes of queries (round " + round + "): "
					+ runCalls(withoutIndexes, bareJdbc, "round-" + round, 20_000));
		}
		indexed.close();
		bare.close();
	}

	/**
	 * Adds calls in batches, leases them and records their completions, as the scheduler does, and
	 * tells how fast, and how many bytes of write-ahead log each call took: the time depends on what
	 * else the machine runs, the log does not.
	 */
	private String runCalls(JdbcCallStore store, JdbcTemplate jdbc, String prefix, int count) {
		String lsn = jdbc.queryForObject("SELECT pg_current_wal_lsn()::text", String.class);
		long start = System.nanoTime();
		List<NewCall> calls = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			calls.add(new NewCall(prefix + "-" + i, "function-" + (i % 20), "http://localhost:8080",
					Any.getDefaultInstance(), null, prefix + "-" + i, 0, false, this.clock.instant(), null));
			if (calls.size() == 500) {
				store.add(calls);
				calls.clear();
			}
		}
		int ended = 0;
		while (ended < count) {
			List<ClaimedCall> claimed = store.claim(256, Duration.ofMinutes(5));
			List<Transition> completions = claimed.stream()
				.<Transition>map((call) -> new Transition.Complete(call, CallResult.newBuilder()
					.setDispatchId(call.id())
					.build()))
				.toList();
			store.record(completions, 0, Duration.ZERO);
			ended += claimed.size();
		}
		double seconds = (System.nanoTime() - start) / 1e9;
		Long wal = jdbc.queryForObject("SELECT pg_wal_lsn_diff(pg_current_wal_lsn(), ?::pg_lsn)::bigint", Long.class,
				lsn);
		return String.format("%,.0f calls/s, %,d bytes of write-ahead log per call", count / seconds, wal / count);
	}

	/**
	 * Inserts ended calls spread over the last seven days, in trees of a thousand (a root and its
	 * children), one in fifty failed, with the calls not ended a busy scheduler holds, then analyzes
	 * the table.
	 */
	private void fill(JdbcTemplate jdbc, Instant now) {
		long first = now.minus(SPAN).toEpochMilli();
		long step = SPAN.toMillis() / ENDED;
		byte[] failed = CallResult.newBuilder()
			.setError(Error.newBuilder().setType("Boom").setMessage("it broke"))
			.build()
			.toByteArray();
		String id = "lpad(to_hex(%1$s), 12, '0') || substr(md5('%2$s' || %3$s), 1, 20)";
		String created = first + " + i * " + step;
		String rootCreated = first + " + (i / " + CALLS_PER_ROOT + " * " + CALLS_PER_ROOT + ") * " + step;
		String rootId = String.format(id, rootCreated, "call", "(i / " + CALLS_PER_ROOT + " * " + CALLS_PER_ROOT + ")");
		jdbc.update("INSERT INTO dispatch_calls (id, function_name, endpoint, input, parent_id, root_id, correlation_id, "
				+ "deliver_to_parent, created_at, state, attempt, result, status, error_type, ended_at) SELECT "
				+ String.format(id, created, "call", "i") + ", 'function-' || (i % 20), 'http://localhost:8080', "
				+ "'\\x'::bytea, CASE WHEN i % " + CALLS_PER_ROOT + " = 0 THEN NULL ELSE " + rootId + " END, " + rootId
				+ ", i % " + CALLS_PER_ROOT + ", FALSE, " + created + ", 'DONE', 0, CASE WHEN i % 50 = 7 THEN ? "
				+ "ELSE '\\x'::bytea END, CASE WHEN i % 50 = 7 THEN 'PERMANENT_ERROR' ELSE 'OK' END, CASE WHEN "
				+ "i % 50 = 7 THEN 'Boom' END, " + created + " + 50 + i % 1000 FROM generate_series(0, " + (ENDED - 1)
				+ ") AS i", (Object) failed);
		long recent = now.minusSeconds(60).toEpochMilli();
		for (String[] active : Arrays.asList(new String[] { "PENDING", "1000" }, new String[] { "RUNNING", "64" },
				new String[] { "SUSPENDED", "50" })) {
			jdbc.update("INSERT INTO dispatch_calls (id, function_name, endpoint, input, root_id, correlation_id, "
					+ "deliver_to_parent, created_at, state, due_at) SELECT " + String.format(id, recent + " + i", active[0], "i")
					+ ", 'function-' || (i % 20), 'http://localhost:8080', '\\x'::bytea, "
					+ String.format(id, recent + " + i", active[0], "i") + ", 0, FALSE, " + recent + " + i, '" + active[0]
					+ "', " + ((active[0].equals("SUSPENDED")) ? "NULL" : recent + " + i") + " FROM generate_series(0, "
					+ (Integer.parseInt(active[1]) - 1) + ") AS i");
		}
		jdbc.execute("VACUUM ANALYZE dispatch_calls");
	}

	private static CallFilter filter(String function, CallState state, String rootId, String parentId, String idPrefix,
			CallPage.Cursor after) {
		return new CallFilter(function, state, null, null, rootId, parentId, idPrefix, after);
	}

	/** Runs a query a few times to warm up, then {@value #RUNS} times, and reports its latencies. */
	private static void measure(String query, Supplier<Object> running) {
		for (int i = 0; i < 5; i++) {
			running.get();
		}
		long[] nanos = new long[RUNS];
		for (int i = 0; i < RUNS; i++) {
			long start = System.nanoTime();
			running.get();
			nanos[i] = System.nanoTime() - start;
		}
		Arrays.sort(nanos);
		Measurements.record(String.format("dashboard query on 1,000,000 ended calls, %s: median %.2f ms, p90 %.2f ms, "
				+ "max %.2f ms", query, nanos[RUNS / 2] / 1e6, nanos[RUNS * 9 / 10] / 1e6, nanos[RUNS - 1] / 1e6));
	}

}
