package io.github.dispatchspring.scheduler.jdbc;

import java.util.List;

import io.github.dispatchspring.scheduler.SchedulerKeys;
import io.github.dispatchspring.signature.Ed25519Keys;
import io.github.dispatchspring.signature.SigningKeyPair;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The scheduler's key pair in the store's database, in the table {@code <prefix>keys}: the first
 * instance that needs it inserts a pair it generated, unless another instance got there first, then
 * every instance reads back the one row that won.
 */
final class JdbcSchedulerKeys implements SchedulerKeys {

	private static final String NAME = "request-signing";

	private final JdbcTemplate jdbc;

	private final String table;

	private volatile @Nullable SigningKeyPair pair;

	JdbcSchedulerKeys(JdbcTemplate jdbc, String tablePrefix) {
		this.jdbc = jdbc;
		this.table = tablePrefix + "keys";
	}

	@Override
	public SigningKeyPair loadOrCreate() {
		SigningKeyPair loaded = this.pair;
		if (loaded == null) {
			loaded = load();
			if (loaded == null) {
				insertIfAbsent(SigningKeyPair.generate());
				loaded = load();
			}
			if (loaded == null) {
				throw new IllegalStateException("The key pair of the Dispatch scheduler is missing from " + this.table
						+ " right after it was stored");
			}
			this.pair = loaded;
		}
		return loaded;
	}

	private @Nullable SigningKeyPair load() {
		List<SigningKeyPair> pairs = this.jdbc.query(
				"SELECT signing_key, verification_key FROM " + this.table + " WHERE name = ?",
				(row, number) -> new SigningKeyPair(Ed25519Keys.parseSigningKey(row.getString(1)),
						Ed25519Keys.parseVerificationKey(row.getString(2))),
				NAME);
		return pairs.isEmpty() ? null : pairs.get(0);
	}

	private void insertIfAbsent(SigningKeyPair generated) {
		// Another instance may have stored its pair first: that one is read back.
		this.jdbc.update("INSERT INTO " + this.table
				+ " (name, signing_key, verification_key, created_at) VALUES (?, ?, ?, ?) ON CONFLICT (name) DO NOTHING",
				NAME, generated.signingKeyBase64(), generated.verificationKeyBase64(), System.currentTimeMillis());
	}

}
