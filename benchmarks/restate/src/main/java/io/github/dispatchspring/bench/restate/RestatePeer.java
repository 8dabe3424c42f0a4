package io.github.dispatchspring.bench.restate;

import dev.restate.client.Client;
import io.github.dispatchspring.bench.common.DurablePeer;
import java.net.URI;

/** Starts the workload parents through the server's HTTP ingress. */
final class RestatePeer implements DurablePeer {

	private final ParentClient.IngressClient parents;
	private final String durability;

	RestatePeer(URI ingress, RestateDurability durability) {
		this.parents = ParentClient.fromClient(Client.connect(ingress.toString()));
		this.durability = durability.describe();
	}

	@Override
	public String system() {
		return "restate";
	}

	@Override
	public String variant() {
		return "service-calls";
	}

	@Override
	public String durability() {
		return durability;
	}

	@Override
	public int fanOut(int n) {
		return parents.fanOut(n);
	}

	@Override
	public String chain(String input, int length) {
		return parents.chain(new Parent.ChainRequest(input, length));
	}
}
