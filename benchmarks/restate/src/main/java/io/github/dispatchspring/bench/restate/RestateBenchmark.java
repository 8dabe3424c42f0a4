package io.github.dispatchspring.bench.restate;

import io.github.dispatchspring.bench.common.PeerLauncher;
import io.github.dispatchspring.bench.common.TransactionMeter;
import io.github.dispatchspring.bench.common.WorkloadParameters;
import io.github.dispatchspring.bench.common.WorkloadSuite;

/**
 * Runs the workloads on a local Restate server at its default durability (checked, see {@link
 * RestateDurability}) and prints one RESULT line per measured run. Restate keeps its own log and
 * state, so there is no PostgreSQL transaction count.
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
				var durability = RestateDurability.of(binary, server.configFile());
				if (!durability.isDurable()) {
					throw new IllegalStateException(
							"restate-server's log is not synced to disk at these settings: "
									+ durability.describe());
				}
				new RestateAdmin(server.admin()).registerDeployment(endpoint.uri());
				new WorkloadSuite(parameters, TransactionMeter.NONE, System.out)
						.run(new RestatePeer(server.ingress(), durability));
			} catch (Exception | Error e) {
				System.err.println("restate-server log (last lines):\n" + server.logTail());
				throw e;
			}
		}
	}
}
