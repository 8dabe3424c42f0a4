package io.github.dispatchspring.durability.fanout;

import java.util.List;
import java.util.stream.IntStream;

import io.github.dispatchspring.DispatchClient;
import io.github.dispatchspring.DispatchFunction;

import org.springframework.stereotype.Component;

/**
 * The {@code visitAll} function: gathers one {@code visit} per item and returns how many ended.
 */
@Component
public class VisitAll {

	private final DispatchClient client;

	public VisitAll(DispatchClient client) {
		this.client = client;
	}

	@DispatchFunction
	public Integer visitAll(Integer items) {
		List<Void> visited = this.client.gather("visit", IntStream.range(0, items).boxed().toList(), Void.class);
		return visited.size();
	}

}
