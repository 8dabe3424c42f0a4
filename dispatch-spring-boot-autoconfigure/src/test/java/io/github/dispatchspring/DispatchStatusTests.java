package io.github.dispatchspring;

import java.util.EnumSet;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link DispatchStatus}.
 */
class DispatchStatusTests {

	@ParameterizedTest(name = "HTTP {0} is {1}")
	@CsvSource({ "400, INVALID_ARGUMENT", "401, UNAUTHENTICATED", "403, PERMISSION_DENIED", "404, NOT_FOUND",
			"408, TIMEOUT", "429, THROTTLED", "501, PERMANENT_ERROR", "200, OK", "204, OK", "503, TEMPORARY_ERROR",
			"500, TEMPORARY_ERROR", "302, PERMANENT_ERROR", "418, PERMANENT_ERROR", "100, PERMANENT_ERROR",
			"600, UNSPECIFIED" })
	void mapsHttpStatusCodesByTheProtocolTable(int httpStatus, DispatchStatus expected) {
		assertThat(DispatchStatus.ofHttpStatus(httpStatus)).isEqualTo(expected);
	}

	@Test
	void retriesExactlyTheTemporaryStatuses() {
		Set<DispatchStatus> retryable = EnumSet.noneOf(DispatchStatus.class);
		for (DispatchStatus status : DispatchStatus.values()) {
			if (status.isRetryable()) {
				retryable.add(status);
			}
		}

		assertThat(retryable).containsExactlyInAnyOrder(DispatchStatus.TIMEOUT, DispatchStatus.THROTTLED,
				DispatchStatus.TEMPORARY_ERROR, DispatchStatus.INCOMPATIBLE_STATE, DispatchStatus.DNS_ERROR,
				DispatchStatus.TCP_ERROR, DispatchStatus.TLS_ERROR, DispatchStatus.HTTP_ERROR);
	}

}
