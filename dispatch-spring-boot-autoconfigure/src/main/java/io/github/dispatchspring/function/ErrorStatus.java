package io.github.dispatchspring.function;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.net.http.HttpTimeoutException;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTimeoutException;
import java.sql.SQLTransientException;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeoutException;

import javax.net.ssl.SSLException;

import io.github.dispatchspring.DispatchException;
import io.github.dispatchspring.DispatchExceptionMapper;
import io.github.dispatchspring.DispatchStatus;
import org.jspecify.annotations.Nullable;

/**
 * Classifies a function's exception into the status its call ends with, the way the Go and Python
 * SDKs classify theirs: timeouts are retried as {@code TIMEOUT}, bad arguments end the call, I/O
 * failures are retried, and anything unknown is a permanent error. A database that is unreachable,
 * restarting, or that aborted a transaction on a conflict is an I/O failure too. The cause chain is
 * searched when the exception itself says nothing.
 */
public final class ErrorStatus {

	/**
	 * SQL states of failures that a later attempt may not meet: serialization failure, deadlock, too
	 * many connections, and a server shutting down or starting up.
	 */
	private static final Set<String> TRANSIENT_SQL_STATES = Set.of("40001", "40P01", "53300", "57P01", "57P02",
			"57P03");

	private ErrorStatus() {
	}

	/**
	 * The status for an exception.
	 * @param error what a function threw
	 * @return the status
	 */
	public static DispatchStatus of(Throwable error) {
		return of(error, List.of());
	}

	/**
	 * The status for an exception, asking the application's mappers first, for the exception and
	 * then for each of its causes.
	 * @param error what a function threw
	 * @param mappers the application's mappers, in their order
	 * @return the status
	 */
	public static DispatchStatus of(Throwable error, List<DispatchExceptionMapper> mappers) {
		for (Throwable current = error; current != null; current = current.getCause()) {
			DispatchStatus status = mapped(current, mappers);
			if (status == null) {
				status = direct(current);
			}
			if (status != null) {
				return status;
			}
			if (current.getCause() == current) {
				break;
			}
		}
		return DispatchStatus.PERMANENT_ERROR;
	}

	private static @Nullable DispatchStatus mapped(Throwable error, List<DispatchExceptionMapper> mappers) {
		for (DispatchExceptionMapper mapper : mappers) {
			Optional<DispatchStatus> status = mapper.status(error);
			if (status.isPresent()) {
				return status.get();
			}
		}
		return null;
	}

	private static @Nullable DispatchStatus direct(Throwable error) {
		if (error instanceof DispatchException dispatch) {
			return dispatch.getStatus();
		}
		if (error instanceof TimeoutException || error instanceof SocketTimeoutException
				|| error instanceof HttpTimeoutException || error instanceof SQLTimeoutException) {
			return DispatchStatus.TIMEOUT;
		}
		if (error instanceof IllegalArgumentException) {
			return DispatchStatus.INVALID_ARGUMENT;
		}
		if (error instanceof UnknownHostException) {
			return DispatchStatus.DNS_ERROR;
		}
		if (error instanceof ConnectException || error instanceof NoRouteToHostException
				|| error instanceof SocketException) {
			return DispatchStatus.TCP_ERROR;
		}
		if (error instanceof SSLException) {
			return DispatchStatus.TLS_ERROR;
		}
		if (error instanceof SecurityException || error instanceof AccessDeniedException) {
			return DispatchStatus.PERMISSION_DENIED;
		}
		if (error instanceof FileNotFoundException || error instanceof NoSuchFileException) {
			return DispatchStatus.NOT_FOUND;
		}
		if (error instanceof IOException || error instanceof UncheckedIOException
				|| error instanceof InterruptedException || isTransient(error)) {
			return DispatchStatus.TEMPORARY_ERROR;
		}
		return null;
	}

	private static boolean isTransient(Throwable error) {
		if (error instanceof SQLTransientException || error instanceof SQLRecoverableException) {
			return true;
		}
		if (error instanceof SQLException sql && sql.getSQLState() != null) {
			return sql.getSQLState().startsWith("08") || TRANSIENT_SQL_STATES.contains(sql.getSQLState());
		}
		return false;
	}

}
