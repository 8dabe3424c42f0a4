package io.github.dispatchspring.durability.gather;

import java.util.List;
import java.util.stream.IntStream;

import io.github.dispatchspring.DispatchClient;
import io.github.dispatchspring.DispatchFunction;

import org.springframework.stereotype.Component;

/**
 * {@code echo} returns its input; {@code gatherEchoes} gathers one {@code echo} per index and returns
 * how many results came back at their index.
 */
@Component
public class Echoes {

	private final DispatchClient client;

	public Echoes(DispatchClient client) {
		this.client = client;
	}

	@DispatchFunction
	public Integer echo(Integer value) {
		return value;
	}

	@DispatchFunction
	public Integer gatherEchoes(Integer count) {
		List<Integer> echoes = this.client.gather("echo", IntStream.range(0, count).boxed().toList(), Integer.class);
		return (int) IntStream.range(0, echoes.size()).filter((index) -> echoes.get(index) == index).count();
	}

}
