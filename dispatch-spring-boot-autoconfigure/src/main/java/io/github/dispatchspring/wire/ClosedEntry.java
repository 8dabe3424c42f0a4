package io.github.dispatchspring.wire;


/**
 * Refuses every request with the same answer: an entry point that nothing is configured to
 * authenticate requests with stays closed until a key is set or it is opened explicitly.
 */
public final class ClosedEntry implements RequestAuthentication {

	private final ConnectError refusal;

	public ClosedEntry(ConnectError refusal) {
		this.refusal = refusal;
	}

	@Override
	public ConnectError checkHead(WireRequest head) {
		return this.refusal;
	}

}
