package io.github.dispatchspring.function;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;

import javax.net.ssl.SSLException;

import io.github.dispatchspring.DispatchException;
import io.github.dispatchspring.DispatchStatus;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Named.named;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/**
 * Tests for {@link ErrorStatus}.
 */
class ErrorStatusTests {

	static Stream<Arguments> classifications() {
		return Stream.of(classified(new TimeoutException("slow"), DispatchStatus.TIMEOUT),
				classified(new IllegalArgumentException("bad"), DispatchStatus.INVALID_ARGUMENT),
				classified(new UnknownHostException("nowhere.example"), DispatchStatus.DNS_ERROR),
				classified(new ConnectException("refused"), DispatchStatus.TCP_ERROR),
				classified(new SSLException("handshake"), DispatchStatus.TLS_ERROR),
				classified(new FileNotFoundException("missing.txt"), DispatchStatus.NOT_FOUND),
				classified(new IOException("broken pipe"), DispatchStatus.TEMPORARY_ERROR),
				classified(new RuntimeException("wrapped", new IOException("broken pipe")),
						DispatchStatus.TEMPORARY_ERROR),
				classified(new DispatchException(DispatchStatus.THROTTLED, "slow down"), DispatchStatus.THROTTLED),
				classified(new RuntimeException("unknown"), DispatchStatus.PERMANENT_ERROR));
	}

	private static Arguments classified(Throwable error, DispatchStatus status) {
		String name = error.getClass().getSimpleName()
				+ ((error.getCause() != null) ? " caused by " + error.getCause().getClass().getSimpleName() : "");
		return arguments(named(name, error), status);
	}

	@ParameterizedTest(name = "{0} is {1}")
	@MethodSource("classifications")
	void classifiesExceptionsLikeTheDispatchSdks(Throwable error, DispatchStatus expected) {
		assertThat(ErrorStatus.of(error)).isEqualTo(expected);
	}

}
