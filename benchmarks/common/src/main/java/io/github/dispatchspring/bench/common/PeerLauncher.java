package io.github.dispatchspring.bench.common;

/** Runs a peer's main body and ends the JVM with 0 on success, 1 with a message on failure. */
public final class PeerLauncher {

	/** A peer's main body. */
	@FunctionalInterface
	public interface Body {
		void run() throws Exception;
	}

	private PeerLauncher() {}

	public static void runAndExit(String peer, Body body) {
		int status = 0;
		try {
			body.run();
		} catch (Throwable failure) {
			System.out.flush();
			System.err.println("FAILED: " + peer + " benchmark: " + failure);
			failure.printStackTrace(System.err);
			status = 1;
		}
		System.err.flush();
		System.exit(status);
	}
}
