package io.github.dispatchspring.samples.invoices;

import java.util.List;
import java.util.stream.IntStream;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The clients to invoice.
 */
@Component
public class ClientDirectory {

	private final int count;

	public ClientDirectory(@Value("${invoices.clients:50}") int count) {
		this.count = count;
	}

	public List<String> clientIds() {
		return IntStream.rangeClosed(1, this.count).mapToObj((i) -> String.format("client-%04d", i)).toList();
	}

}
