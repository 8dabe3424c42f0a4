package io.github.dispatchspring.scheduler;

import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * Makes dispatch ids: 128 bits, time-ordered in their first 48 bits so that stores index them well.
 */
public final class DispatchIds {

	private static final SecureRandom random = new SecureRandom();

	private DispatchIds() {
	}

	/**
	 * A new dispatch id, 32 lower-case hexadecimal characters.
	 * @return the id
	 */
	public static String next() {
		byte[] bytes = new byte[16];
		random.nextBytes(bytes);
		long millis = System.currentTimeMillis();
		for (int i = 5; i >= 0; i--) {
			bytes[i] = (byte) millis;
			millis >>>= 8;
		}
		return HexFormat.of().formatHex(bytes);
	}

}
