package io.github.dispatchspring.security;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Requests an HTTP client refuses to send, written on a socket: declared lengths far beyond the body,
 * lengths that are not numbers, and chunked bodies with impossible chunk sizes or too many bytes.
 */
final class RawHttp {

	private final int port;

	RawHttp(int port) {
		this.port = port;
	}

	/** The kind of a request that declares more than the limit: answered 413 without reading the body. */
	static final String HUGE_LENGTH = "declared huge length";

	/** The kind of a chunked request with more than the limit: answered 413. */
	static final String CHUNKED_BEYOND_LIMIT = "chunked beyond limit";

	private static RawRequest declaring(String kind, String path, String contentLength) {
		return new RawRequest(kind, path,
				"Content-Length: " + contentLength + "\r\n", "\u0008\u0001".getBytes(StandardCharsets.ISO_8859_1));
	}

	/**
	 * The malformed requests of one round.
	 * @param random where the sizes come from
	 * @param path the path
	 * @param maxRequestSize the body size limit
	 * @return the requests
	 */
	static List<RawRequest> round(Random random, String path, int maxRequestSize) {
		List<RawRequest> requests = new ArrayList<>();
		requests.add(declaring(HUGE_LENGTH, path, Long.toString(maxRequestSize + 1L + random.nextLong(1L << 50))));
		requests.add(declaring("declared overflowing length", path, "99999999999999999999999999"));
		requests.add(declaring("declared negative length", path, "-" + (1 + random.nextInt(1000))));
		requests.add(declaring("declared hexadecimal length", path, "0x10"));
		requests.add(new RawRequest("two lengths", path, "Content-Length: 2\r\nContent-Length: 7\r\n",
				new byte[2]));
		requests.add(new RawRequest("bad chunk size", path, "Transfer-Encoding: chunked\r\n",
				"fffffffffffffffffff\r\nab\r\n0\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1)));
		requests.add(new RawRequest(CHUNKED_BEYOND_LIMIT, path, "Transfer-Encoding: chunked\r\n",
				chunked(maxRequestSize + 1 + random.nextInt(4096))));
		return requests;
	}

	private static byte[] chunked(int size) {
		StringBuilder body = new StringBuilder();
		for (int left = size; left > 0; left -= 4096) {
			int chunk = Math.min(left, 4096);
			body.append(Integer.toHexString(chunk)).append("\r\n").append("x".repeat(chunk)).append("\r\n");
		}
		return body.append("0\r\n\r\n").toString().getBytes(StandardCharsets.ISO_8859_1);
	}

	/**
	 * Sends a request on a new connection and reads the status code of the answer.
	 * @param request the request
	 * @param extraHeaders more header lines, each ending with CRLF
	 * @return the status code
	 * @throws IOException if the answer cannot be read
	 */
	int send(RawRequest request, String extraHeaders) throws IOException {
		try (Connection connection = open()) {
			connection.writeHead(request.path(), "Content-Type: application/proto\r\n" + extraHeaders + request.headers());
			connection.write(request.body());
			return connection.status();
		}
	}

	/**
	 * Header lines for a raw request.
	 * @param headers the headers by name
	 * @return one line per header, each ending with CRLF
	 */
	static String lines(Map<String, String> headers) {
		StringBuilder lines = new StringBuilder();
		headers.forEach((name, value) -> lines.append(name).append(": ").append(value).append("\r\n"));
		return lines.toString();
	}

	/**
	 * Opens a connection to write a request on, piece by piece.
	 * @return the connection
	 * @throws IOException if the server cannot be reached
	 */
	Connection open() throws IOException {
		Socket socket = new Socket(InetAddress.getLoopbackAddress(), this.port);
		socket.setSoTimeout(10_000);
		return new Connection(socket, this.port);
	}

	/** A connection to the server, on which a request is written by hand. */
	static final class Connection implements AutoCloseable {

		private final Socket socket;

		private final int port;

		private Connection(Socket socket, int port) {
			this.socket = socket;
			this.port = port;
		}

		/**
		 * Writes the head of a {@code POST}.
		 * @param path the path
		 * @param headers header lines, each ending with CRLF, besides {@code Host}
		 * @throws IOException if the server closed the connection
		 */
		void writeHead(String path, String headers) throws IOException {
			write(("POST " + path + " HTTP/1.1\r\nHost: localhost:" + this.port + "\r\n" + headers + "\r\n")
				.getBytes(StandardCharsets.ISO_8859_1));
		}

		/**
		 * Writes bytes of the body.
		 * @param bytes the bytes
		 * @throws IOException if the server closed the connection
		 */
		void write(byte[] bytes) throws IOException {
			OutputStream output = this.socket.getOutputStream();
			output.write(bytes);
			output.flush();
		}

		/**
		 * Writes bytes a few at a time, pausing between them, as a slow client does.
		 * @param bytes the bytes
		 * @param pieces how many pieces to write them in
		 * @param pause the pause after each piece, in milliseconds
		 * @throws IOException if the server closed the connection
		 */
		void writeSlowly(byte[] bytes, int pieces, long pause) throws IOException {
			int size = Math.max(1, (bytes.length + pieces - 1) / pieces);
			for (int from = 0; from < bytes.length; from += size) {
				write(Arrays.copyOfRange(bytes, from, Math.min(bytes.length, from + size)));
				try {
					Thread.sleep(pause);
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
					throw new IOException("interrupted while writing slowly", ex);
				}
			}
		}

		/**
		 * Closes the sending side, so that the server reads the end of the body.
		 * @throws IOException if the socket is closed
		 */
		void endBody() throws IOException {
			this.socket.shutdownOutput();
		}

		/**
		 * Reads the status code of the answer.
		 * @return the status code
		 * @throws IOException if no answer arrives in time
		 */
		int status() throws IOException {
			return statusCode(this.socket.getInputStream());
		}

		/**
		 * Reads what follows the status line of the answer: its headers and, up to the limit, its body.
		 * @return the text read
		 * @throws IOException if the answer cannot be read
		 */
		String rest() throws IOException {
			byte[] buffer = new byte[8192];
			StringBuilder rest = new StringBuilder();
			InputStream input = this.socket.getInputStream();
			for (int read = input.read(buffer); read > 0; read = (input.available() > 0) ? input.read(buffer) : -1) {
				rest.append(new String(buffer, 0, read, StandardCharsets.ISO_8859_1));
			}
			return rest.toString();
		}

		@Override
		public void close() throws IOException {
			this.socket.close();
		}

	}

	private static int statusCode(InputStream input) throws IOException {
		StringBuilder line = new StringBuilder();
		for (int next = input.read(); next != -1 && next != '\n'; next = input.read()) {
			line.append((char) next);
		}
		String[] parts = line.toString().split(" ");
		if (parts.length < 2 || !parts[0].startsWith("HTTP/")) {
			throw new IOException("not an HTTP answer: '" + line + "'");
		}
		return Integer.parseInt(parts[1]);
	}

	/**
	 * A request written by hand.
	 *
	 * @param kind what is malformed
	 * @param path the path
	 * @param headers header lines
	 * @param body the bytes written after the head
	 */
	record RawRequest(String kind, String path, String headers, byte[] body) {
	}

}
