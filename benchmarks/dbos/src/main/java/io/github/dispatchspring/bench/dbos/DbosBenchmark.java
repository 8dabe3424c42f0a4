package io.github.dispatchspring.bench.dbos;

import io.github.dispatchspring.bench.common.EmbeddedPostgres;
import io.github.dispatchspring.bench.common.PeerLauncher;
import io.github.dispatchspring.bench.common.StatisticsFlush;
import io.github.dispatchspring.bench.common.WorkloadParameters;
import io.github.dispatchspring.bench.common.WorkloadSuite;
import io.github.dispatchspring.bench.common.XactCounter;

/** Runs the workloads on DBOS Transact and prints one RESULT line per measured run. */
public final class DbosBenchmark {

	private static final String DATABASE = "dbos_bench";
	/** Set to flush statistics by waiting instead of ending DBOS's idle sessions. */
	private static final String IDLE_FLUSH_PROPERTY = "bench.xact.idleFlush";

	private DbosBenchmark() {}

	public static void main(String[] args) {
		PeerLauncher.runAndExit("dbos", DbosBenchmark::run);
	}

	private static void run() throws Exception {
		var parameters = WorkloadParameters.fromSystemProperties();
		try (var postgres = EmbeddedPostgres.startOrConnect()) {
			var database = postgres.database(DATABASE);
			try (var peer = new DbosPeer(database, postgres.durability(database), parameters)) {
				var flush =
						System.getProperty(IDLE_FLUSH_PROPERTY) != null
								? StatisticsFlush.idleInterval()
								: StatisticsFlush.endingSessions(peer::endIdleSessions);
				var meter = new XactCounter(postgres.statisticsObserver(), database, flush);
				new WorkloadSuite(parameters, meter, System.out).run(peer);
			}
		}
	}
}
