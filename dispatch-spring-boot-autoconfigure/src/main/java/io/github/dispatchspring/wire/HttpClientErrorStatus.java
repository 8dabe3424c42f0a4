package io.github.dispatchspring.wire;

import java.util.Optional;

import io.github.dispatchspring.DispatchExceptionMapper;
import io.github.dispatchspring.DispatchStatus;

import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClientResponseException;

/**
 * The statuses of the exceptions of Spring's HTTP clients ({@code RestClient}, {@code RestTemplate}
 * and the HTTP interface clients built on them) that a function lets through: an answer by its
 * HTTP status code, as the protocol's table maps codes, with 422 a bad argument like 400; a failure
 * to reach the service by the I/O exception underneath (a temporary error, or the network error it
 * tells), or a temporary error when there is none.
 */
public final class HttpClientErrorStatus implements DispatchExceptionMapper {

	private static final int UNPROCESSABLE_CONTENT = 422;

	@Override
	public Optional<DispatchStatus> status(Throwable exception) {
		if (exception instanceof RestClientResponseException response) {
			return Optional.of(ofCode(response.getStatusCode().value()));
		}
		if (exception instanceof ResourceAccessException && exception.getCause() == null) {
			return Optional.of(DispatchStatus.TEMPORARY_ERROR);
		}
		return Optional.empty();
	}

	private static DispatchStatus ofCode(int code) {
		if (code == UNPROCESSABLE_CONTENT) {
			return DispatchStatus.INVALID_ARGUMENT;
		}
		DispatchStatus status = DispatchStatus.ofHttpStatus(code);
		return (status == DispatchStatus.OK || status == DispatchStatus.UNSPECIFIED) ? DispatchStatus.PERMANENT_ERROR
				: status;
	}

}
