package io.github.dispatchspring.scheduler.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import java.util.stream.Collectors;

import com.google.protobuf.Any;
import com.google.protobuf.StringValue;
import io.github.dispatchspring.proto.CallResult;
import io.github.dispatchspring.scheduler.CallStore.Recorded;
import io.github.dispatchspring.scheduler.ClaimedCall;
import io.github.dispatchspring.scheduler.NewCall;
import io.github.dispatchspring.scheduler.Transition;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

import org.springframework.jdbc.core.JdbcTemplate;

import static io.github.dispatchspring.scheduler.Transitions.record;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two instances on one PostgreSQL database record, at the same moment, completions of children of the
 * same two parents in opposite orders: each group commit locks the rows it updates in the order of
 * their ids, so one waits for the other instead of both deadlocking.
 */
class PostgresLockOrderTests {

	private static final Duration LEASE = Duration.ofMinutes(1);

	private final PostgresTestDatabase database = PostgresTestDatabase.create();

	private final JdbcCallStore first = store();

	private final JdbcCallStore second = store();

	@Test
	void commitsBothGroupCommitsThatCompleteChildrenOfTheSameParentsInOppositeOrders() throws Exception {
		Map<String, ClaimedCall> children = suspendedParentsWithLeasedChildren();
		List<Transition> forward = List.of(complete(children.get("parent-a-1")), complete(children.get("parent-b-1")));
		List<Transition> backward = List.of(complete(children.get("parent-b-2")), complete(children.get("parent-a-2")));
		ExecutorService instances = Executors.newFixedThreadPool(2);
		try (Connection parents = this.database.dataSource().getConnection()) {
			lockBothParents(parents);
			Future<Recorded> firstWrite = instances.submit(() -> this.first.record(forward, 0, Duration.ZERO));
			Future<Recorded> secondWrite = instances.submit(() -> this.second.record(backward, 0, Duration.ZERO));
			awaitSessionsWaitingForALock(2);
			parents.commit();

			assertThat(firstWrite.get().held()).containsExactly(true, true);
			assertThat(secondWrite.get().held()).containsExactly(true, true);
		}
		finally {
			instances.shutdownNow();
		}
		List<ClaimedCall> resumed = this.first.claim(10, LEASE);
		assertThat(resumed).extracting(ClaimedCall::id).containsExactlyInAnyOrder("parent-a", "parent-b");
		assertThat(resumed).allSatisfy((parent) -> assertThat(parent.results()).hasSize(2));
	}

	/**
	 * Holds the rows of both parents in a transaction of its own, so that both group commits start
	 * while they are taken and wait on them, whatever rows each locks first.
	 */
	private static void lockBothParents(Connection connection) throws SQLException {
		connection.setAutoCommit(false);
		try (PreparedStatement lock = connection
			.prepareStatement("SELECT id FROM dispatch_calls WHERE id IN ('parent-a', 'parent-b') FOR UPDATE")) {
			lock.executeQuery().close();
		}
	}

	private void awaitSessionsWaitingForALock(int sessions) {
		JdbcTemplate maintenance = new JdbcTemplate(this.database.maintenanceDataSource());
		await("both group commits waiting for the parents' rows").atMost(Duration.ofSeconds(30))
			.until(() -> maintenance.queryForObject("SELECT COUNT(*) FROM pg_stat_activity WHERE datname = ? "
					+ "AND wait_event_type = 'Lock'", Integer.class, this.database.name()) == sessions);
	}

	private Map<String, ClaimedCall> suspendedParentsWithLeasedChildren() {
		this.first.add(List.of(call("parent-a", null), call("parent-b", null)));
		for (ClaimedCall parent : this.first.claim(10, LEASE)) {
			record(this.first, new Transition.Suspend(parent, Any.pack(StringValue.of("journal")), 2, 2, null,
					List.of(call(parent.id() + "-1", parent.id()), call(parent.id() + "-2", parent.id()))));
		}
		return this.first.claim(10, LEASE)
			.stream()
			.collect(Collectors.toMap(ClaimedCall::id, Function.identity()));
	}

	private static NewCall call(String id, @Nullable String parentId) {
		return new NewCall(id, "fn", "http://localhost:8080", Any.pack(StringValue.of(id)), parentId,
				(parentId != null) ? parentId : id, 0, parentId != null, Instant.now(), null);
	}

	private static Transition complete(ClaimedCall child) {
		return new Transition.Complete(child, CallResult.newBuilder()
			.setDispatchId(child.id())
			.setOutput(Any.pack(StringValue.of(child.id())))
			.build());
	}

	private JdbcCallStore store() {
		return MigratedStores.store(this.database.dataSource(), "dispatch_", Clock.systemUTC());
	}

}
