package io.github.dispatchspring.samples.notify;

import java.util.List;
import java.util.stream.IntStream;

import org.springframework.stereotype.Component;

/**
 * The users to notify.
 */
@Component
public class UserDirectory {

	public List<String> userIds() {
		return IntStream.rangeClosed(1, 100).mapToObj((i) -> String.format("user-%03d", i)).toList();
	}

}
