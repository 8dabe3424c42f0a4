package io.github.dispatchspring.samples.scheduler;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The settings the scheduler printed at startup, read back from its output as a user would copy them.
 *
 * @param apiUrl {@code DISPATCH_API_URL}
 * @param apiKey {@code DISPATCH_API_KEY}
 * @param verificationKey {@code DISPATCH_VERIFICATION_KEY}
 */
record PrintedSettings(String apiUrl, String apiKey, String verificationKey) {

	/**
	 * Reads the settings the last started scheduler printed.
	 * @param output the output of the process
	 * @return the settings
	 */
	static PrintedSettings from(String output) {
		return new PrintedSettings(last(output, "DISPATCH_API_URL"), last(output, "DISPATCH_API_KEY"),
				last(output, "DISPATCH_VERIFICATION_KEY"));
	}

	/**
	 * The header that authenticates a request to the Dispatch API with the printed key.
	 * @return the header's name and value
	 */
	String[] authorization() {
		return new String[] { "Authorization", "Bearer " + this.apiKey };
	}

	private static String last(String output, String variable) {
		Matcher matcher = Pattern.compile("(?m)^" + variable + "=(\\S+)$").matcher(output);
		String value = null;
		while (matcher.find()) {
			value = matcher.group(1);
		}
		if (value == null) {
			throw new AssertionError("The scheduler printed no " + variable + " line:\n" + output);
		}
		return value;
	}

}
