package io.github.dispatchspring.bench.common;

/** Counts the transactions a system commits while a workload runs. */
public interface TransactionMeter {

	/** For systems that keep no PostgreSQL state. */
	TransactionMeter NONE =
			new TransactionMeter() {
				@Override
				public long start() {
					return 0;
				}

				@Override
				public long committedSince(long start) {
					return -1;
				}
			};

	/** Settles and returns a starting point. */
	long start();

	/** Settles and returns the commits since {@code start}, or -1 when not applicable. */
	long committedSince(long start);
}
