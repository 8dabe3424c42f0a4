package io.github.dispatchspring.test;

import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The test kit is reset after each test method of a Spring test: the second test here starts
 * without the failure and the call the first one left.
 */
@SpringBootTest(classes = KitApplication.class, webEnvironment = WebEnvironment.NONE)
@AutoConfigureDispatchTestKit
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DispatchTestKitResetTests {

	@Autowired
	private DispatchTestKit kit;

	@Test
	@Order(1)
	void leavesAFailureAndACallBehind() {
		this.kit.fail("greet");
		this.kit.dispatch("greet", "Ada");
		assertThat(this.kit.calls()).hasSize(1);
	}

	@Test
	@Order(2)
	void startsWithoutTheFailuresAndCallsOfTheTestBefore() {
		assertThat(this.kit.calls()).isEmpty();
		assertThat(this.kit.run("greet", "Ada", String.class)).isEqualTo("Hello, Ada");
	}

}
