package io.github.dispatchspring.bench.common;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;

/** Picks TCP ports that are free on 127.0.0.1. */
public final class LoopbackPorts {

	public static final String HOST = "127.0.0.1";

	private LoopbackPorts() {}

	public static int freePort() {
		try (var socket = new ServerSocket(0, 1, InetAddress.getByName(HOST))) {
			socket.setReuseAddress(true);
			return socket.getLocalPort();
		} catch (IOException e) {
			throw new UncheckedIOException("no free port on " + HOST, e);
		}
	}
}
