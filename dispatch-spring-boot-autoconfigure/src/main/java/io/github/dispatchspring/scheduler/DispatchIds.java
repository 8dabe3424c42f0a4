package io.github.dispatchspring.scheduler;

import java.security.SecureRandom;
import java.util.HexFormat;

import io.github.dispatchspring.durable.CallDigest;
import io.github.dispatchspring.proto.Call;

/**
 * Makes dispatch ids: 128 bits as 32 lower-case hexadecimal characters, time-ordered in their first
 * 48 bits so that stores index them well. Calls made inside a function get ids derived from their
 * parent, so that a run of the function that is tried again makes the same ids, which the store
 * accepts only once.
 */
public final class DispatchIds {

	private static final SecureRandom random = new SecureRandom();

	private static final int TIME_DIGITS = 12;

	private static final HexFormat hex = HexFormat.of();

	private DispatchIds() {
	}

	/**
	 * A new dispatch id.
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
		return hex.formatHex(bytes);
	}

	/**
	 * The id of a call made by another: the same for the same parent, correlation id (which stands
	 * for the step of the parent's run, the index in it and the run's function and input), function
	 * and input. It starts with the time of the parent's id, so that the calls of one parent sit
	 * together in the store's index.
	 * @param parentId the id of the call that makes it
	 * @param call the call, with its correlation id
	 * @return the id
	 */
	public static String derived(String parentId, Call call) {
		byte[] digest = new CallDigest().add(parentId)
			.add(call.getCorrelationId())
			.add(call.getFunction())
			.add(call.getInput())
			.finish();
		String derived = hex.formatHex(digest, 0, 16);
		return timeOrdered(parentId) ? parentId.substring(0, TIME_DIGITS) + derived.substring(TIME_DIGITS) : derived;
	}

	private static boolean timeOrdered(String id) {
		if (id.length() < TIME_DIGITS) {
			return false;
		}
		for (int i = 0; i < TIME_DIGITS; i++) {
			char digit = id.charAt(i);
			if (!(digit >= '0' && digit <= '9') && !(digit >= 'a' && digit <= 'f')) {
				return false;
			}
		}
		return true;
	}

}
