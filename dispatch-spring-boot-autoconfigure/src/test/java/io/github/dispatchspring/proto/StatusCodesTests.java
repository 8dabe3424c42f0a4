package io.github.dispatchspring.proto;

import io.github.dispatchspring.DispatchStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link StatusCodes}.
 */
class StatusCodesTests {

	@ParameterizedTest
	@EnumSource(DispatchStatus.class)
	void convertsToTheWireEnumOfTheSameNameAndBack(DispatchStatus status) {
		assertThat(StatusCodes.toProto(status).name()).isEqualTo("STATUS_" + status.name());
		assertThat(StatusCodes.of(StatusCodes.toProto(status))).isSameAs(status);
	}

	@ParameterizedTest
	@EnumSource(value = Status.class, mode = EnumSource.Mode.EXCLUDE, names = "UNRECOGNIZED")
	void readsEveryWireValue(Status code) {
		assertThat(StatusCodes.toProto(StatusCodes.of(code))).isSameAs(code);
	}

	@Test
	void readsAnUnknownWireValueAsUnspecified() {
		assertThat(StatusCodes.of(Status.UNRECOGNIZED)).isEqualTo(DispatchStatus.UNSPECIFIED);
	}

}
