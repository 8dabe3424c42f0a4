package io.github.dispatchspring.dashboard;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The dashboard is not served unless it is enabled, whatever the request carries.
 */
@SpringBootTest(properties = { "dispatch.scheduler.store=memory", "dispatch.api-key=secret" })
@AutoConfigureMockMvc
class DashboardDisabledTests {

	@Autowired
	private MockMvcTester mvc;

	@Test
	void answersNotFoundOnItsPathWhenNotEnabled() {
		assertThat(this.mvc.get().uri("/dispatch/")).hasStatus(HttpStatus.NOT_FOUND);
		assertThat(this.mvc.get().uri("/dispatch/login")).hasStatus(HttpStatus.NOT_FOUND);
		assertThat(this.mvc.get().uri("/dispatch/api/overview").header(HttpHeaders.AUTHORIZATION, "Bearer secret"))
			.hasStatus(HttpStatus.NOT_FOUND);
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	static class Application {

	}

}
