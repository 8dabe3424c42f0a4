package io.github.dispatchspring.durable;

import java.util.List;
import java.util.stream.IntStream;

import com.google.protobuf.Any;
import com.google.protobuf.Int64Value;
import io.github.dispatchspring.DispatchClient;
import io.github.dispatchspring.durability.gather.Echoes;
import io.github.dispatchspring.DispatchFunction;
import io.github.dispatchspring.testsupport.RunExchanges;
import io.github.dispatchspring.testsupport.RunExchanges.Exchange;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The polls and coroutine states of gathers as the embedded scheduler and the webhook exchange them
 * over HTTP ({@code dispatch.scheduler.in-process=false}): large gathers are paged within the
 * protocol's bounds, and the journal does not grow with the number of gathers a call went through.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "dispatch.scheduler.in-process=false",
				"dispatch.scheduler.embedded.directory=target/gather-paging-stores/${random.uuid}",
				"dispatch.client.await-timeout=5m" })
class GatherPagingTests {

	@Autowired
	private DispatchClient client;

	@Autowired
	private RunExchanges exchanges;

	@Test
	void pollsOfAFiveThousandCallGatherNeverAskForMoreThanAThousandResults() {
		List<Integer> inOrder = this.client.gather("gatherEchoes", List.of(5000), Integer.class);

		assertThat(inOrder).containsExactly(5000);
		List<Exchange> runs = this.exchanges.of("gatherEchoes");
		List<Exchange> polls = runs.stream().filter((run) -> run.response().hasPoll()).toList();
		assertThat(polls).hasSizeGreaterThanOrEqualTo(5).allSatisfy((run) -> {
			assertThat(run.response().getPoll().getMinResults()).isBetween(1, 1000);
			assertThat(run.response().getPoll().getMaxResults()).isBetween(1, 1000);
		});
		assertThat(runs).allSatisfy(
				(run) -> assertThat(run.request().getPollResult().getResultsCount()).isLessThanOrEqualTo(1000));
		assertThat(polls.get(0).response().getPoll().getCallsCount()).isEqualTo(5000);
	}

	@Test
	void carriesCoroutineStatesThatDoNotGrowWithTheNumberOfGathersInALoop() {
		long fifty = stateBytesOfGathersInALoop(50);
		long hundred = stateBytesOfGathersInALoop(100);

		// a journal carrying what earlier gathers returned makes the total grow with the square of
		// the number of gathers: twice the gathers, four times the bytes
		assertThat((double) hundred / fifty).as("bytes for 100 gathers (%d) over bytes for 50 (%d)", hundred, fifty)
			.isLessThan(2.5);
		System.out.println("Coroutine state carried by 50 gathers of 100 calls: " + fifty + " bytes, by 100: " + hundred);
	}

	private long stateBytesOfGathersInALoop(int gathers) {
		int total = this.client.function("gatherInALoop", Integer.class).call(gathers);

		assertThat(total).isEqualTo(gathers * 100);
		List<Exchange> loops = this.exchanges.of("gatherInALoop");
		String dispatchId = loops.stream()
			.filter((run) -> run.request().getInput().equals(Any.pack(Int64Value.of(gathers))))
			.findFirst()
			.orElseThrow()
			.request()
			.getDispatchId();
		List<Exchange> runs = loops.stream().filter((run) -> run.request().getDispatchId().equals(dispatchId)).toList();
		assertThat(runs).as("one run per gather and the last").hasSize(gathers + 1);
		return runs.stream().mapToLong(Exchange::stateBytes).sum();
	}

	@SpringBootConfiguration(proxyBeanMethods = false)
	@EnableAutoConfiguration
	@Import({ Echoes.class, Loops.class })
	static class PagingTestApplication {

		@Bean
		RunExchanges runExchanges() {
			return new RunExchanges();
		}

	}

	static class Loops {

		private final DispatchClient client;

		Loops(DispatchClient client) {
			this.client = client;
		}

		@DispatchFunction
		Integer gatherInALoop(Integer gathers) {
			int total = 0;
			for (int gather = 0; gather < gathers; gather++) {
				int from = gather * 100;
				total += this.client.gather("echo", IntStream.range(from, from + 100).boxed().toList(), Integer.class)
					.size();
			}
			return total;
		}

	}

}
