package io.github.dispatchspring.wire;

import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.util.List;
import java.util.stream.Stream;

import io.github.dispatchspring.DispatchStatus;
import io.github.dispatchspring.function.ErrorStatus;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.web.client.HttpClientErrorException;
import org.springframework.web.client.HttpServerErrorException;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClientResponseException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/**
 * Tests for {@link HttpClientErrorStatus}: the exceptions of Spring's HTTP clients map to statuses by
 * the HTTP status code of the answer, or by the I/O failure underneath.
 */
class HttpClientErrorStatusTests {

	static Stream<Arguments> answers() {
		return Stream.of(arguments(429, DispatchStatus.THROTTLED), arguments(503, DispatchStatus.TEMPORARY_ERROR),
				arguments(500, DispatchStatus.TEMPORARY_ERROR), arguments(501, DispatchStatus.PERMANENT_ERROR),
				arguments(408, DispatchStatus.TIMEOUT), arguments(401, DispatchStatus.UNAUTHENTICATED),
				arguments(403, DispatchStatus.PERMISSION_DENIED), arguments(404, DispatchStatus.NOT_FOUND),
				arguments(400, DispatchStatus.INVALID_ARGUMENT), arguments(422, DispatchStatus.INVALID_ARGUMENT),
				arguments(409, DispatchStatus.PERMANENT_ERROR), arguments(302, DispatchStatus.PERMANENT_ERROR));
	}

	@ParameterizedTest(name = "HTTP {0} is {1}")
	@MethodSource("answers")
	void mapsAnAnswerByItsStatusCode(int code, DispatchStatus expected) {
		RestClientResponseException exception = (code >= 500)
				? HttpServerErrorException.create(HttpStatusCode.valueOf(code), "failed", HttpHeaders.EMPTY, null, null)
				: (code >= 400)
						? HttpClientErrorException.create(HttpStatusCode.valueOf(code), "failed", HttpHeaders.EMPTY, null,
								null)
						: new RestClientResponseException("moved", HttpStatusCode.valueOf(code), "moved", null, null,
								null);
		assertThat(statusOf(exception)).isEqualTo(expected);
		assertThat(statusOf(new IllegalStateException("the report failed", exception))).isEqualTo(expected);
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("unreachable")
	void mapsAnUnreachableServiceByTheFailureUnderneath(ResourceAccessException exception, DispatchStatus expected) {
		assertThat(statusOf(exception)).isEqualTo(expected);
	}

	static Stream<Arguments> unreachable() {
		return Stream.of(arguments(new ResourceAccessException("refused", new ConnectException("refused")),
				DispatchStatus.TCP_ERROR),
				arguments(new ResourceAccessException("timed out", new SocketTimeoutException("read timed out")),
						DispatchStatus.TIMEOUT),
				arguments(new ResourceAccessException("reset", new IOException("reset")), DispatchStatus.TEMPORARY_ERROR),
				arguments(new ResourceAccessException("no cause"), DispatchStatus.TEMPORARY_ERROR));
	}

	private static DispatchStatus statusOf(Throwable exception) {
		return ErrorStatus.of(exception, List.of(new HttpClientErrorStatus()));
	}

}
