package io.github.dispatchspring.bench.restate;

import io.github.dispatchspring.bench.common.PeerLauncher;
import io.github.dispatchspring.bench.common.TransactionMeter;
import io.github.dispatchspring.bench.common.WorkloadParameters;
import io.github.dispatchspring.bench.common.WorkloadSuite;

/**
 * Runs the workloads on a local Restate server and prints one RESULT line per measured run.
 * Restate keeps its own log and state, so there is no PostgreSQL transaction count.
 */
public final class RestateBenchmark {

	private RestateBenchmark() {}

	public static void main(String[] args) {
		PeerLauncher.runAndExit("restate", RestateBenchmark::run);
	}

	private static void run() throws Exception {
		var parameters = WorkloadParameters.fromSystemProperties();
		var binary = RestateInstallation.fromSystemProperties().binary();
		try (var server = RestateServer.start(binary);
				var endpoint = SdkEndpoint.start(parameters)) {
			try {
				new RestateAdmin(server.admin()).registerDeployment(endpoint.uri());
				new WorkloadSuite(parameters, TransactionMeter.NONE, System.out)
						.run(new RestatePeer(server.ingress()));
			} catch (Exception | Error e) {
				System.err.println("restate-server log (last lines):\n" + server.logTail());
				throw e;
			}
		}
	}
}
