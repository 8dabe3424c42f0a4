package io.github.dispatchspring.scheduler;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import com.google.protobuf.Any;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.StringValue;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.github.dispatchspring.proto.Call;
import io.github.dispatchspring.proto.CallResult;
import io.github.dispatchspring.proto.Exit;
import io.github.dispatchspring.proto.Poll;
import io.github.dispatchspring.proto.RunRequest;
import io.github.dispatchspring.proto.RunResponse;
import io.github.dispatchspring.proto.Status;
import io.github.dispatchspring.testsupport.Invocations;

/**
 * A Dispatch endpoint on a real HTTP server that answers with crafted run responses, as an endpoint
 * in another language could: {@code parent} polls for one {@code child} call with its input and,
 * resumed, returns the child's output; {@code child} returns its input in upper case. A parent
 * given the poisoned input polls for a call whose function name has 600 characters instead.
 */
final class PollingEndpoint implements AutoCloseable {

	/** The function name a poisoned parent polls for. */
	static final String INVALID_FUNCTION = "child_" + "x".repeat(594);

	private final HttpServer server;

	private final ExecutorService threads = Executors.newFixedThreadPool(16);

	private final String poisonedInput;

	private final Invocations runs = new Invocations();

	private PollingEndpoint(String poisonedInput) {
		this.poisonedInput = poisonedInput;
		try {
			this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		this.server.createContext(HttpCallInvoker.PATH, this::run);
		this.server.setExecutor(this.threads);
		this.server.start();
	}

	/**
	 * Starts an endpoint.
	 * @param poisonedInput the input of the parent that polls for an invalid call
	 * @return the running endpoint
	 */
	static PollingEndpoint start(String poisonedInput) {
		return new PollingEndpoint(poisonedInput);
	}

	/**
	 * The endpoint's URL.
	 * @return the URL
	 */
	String url() {
		return "http://localhost:" + this.server.getAddress().getPort();
	}

	/**
	 * The requests the endpoint answered.
	 * @return the requests, as function and input or function and {@code resumed}
	 */
	Invocations runs() {
		return this.runs;
	}

	private void run(HttpExchange exchange) throws IOException {
		try (InputStream body = exchange.getRequestBody(); OutputStream out = exchange.getResponseBody()) {
			byte[] response = answer(RunRequest.parseFrom(body.readAllBytes())).toByteArray();
			exchange.getResponseHeaders().set("Content-Type", "application/proto");
			exchange.sendResponseHeaders(200, response.length);
			out.write(response);
		}
	}

	private RunResponse answer(RunRequest request) throws InvalidProtocolBufferException {
		if (request.hasPollResult()) {
			this.runs.record(request.getFunction() + ":resumed");
			CallResult child = request.getPollResult().getResults(0);
			return exit(CallResult.newBuilder().setOutput(child.getOutput()).build());
		}
		String input = request.getInput().unpack(StringValue.class).getValue();
		this.runs.record(request.getFunction() + ":" + input);
		if (!request.getFunction().equals("parent")) {
			return exit(CallResult.newBuilder().setOutput(Any.pack(StringValue.of(input.toUpperCase()))).build());
		}
		String child = input.equals(this.poisonedInput) ? INVALID_FUNCTION : "child";
		return RunResponse.newBuilder()
			.setStatus(Status.STATUS_OK)
			.setPoll(Poll.newBuilder()
				.addCalls(Call.newBuilder().setFunction(child).setInput(request.getInput()))
				.setTypedCoroutineState(Any.pack(StringValue.of("waiting for " + input)))
				.setMinResults(1)
				.setMaxResults(1))
			.build();
	}

	private static RunResponse exit(CallResult result) {
		return RunResponse.newBuilder().setStatus(Status.STATUS_OK).setExit(Exit.newBuilder().setResult(result)).build();
	}

	@Override
	public void close() {
		this.server.stop(0);
		this.threads.shutdownNow();
	}

}
