package io.github.dispatchspring.proto;

import java.util.List;

import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.cfg.DateTimeFeature;
import tools.jackson.databind.cfg.JsonNodeFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.type.LogicalType;

/**
 * The codec's copy of the application's {@link JsonMapper}: the application's modules and annotations
 * stay, and the settings the wire form depends on are fixed, so that every application writes values the
 * same way and reads back exactly what was sent, whatever its own JSON settings are.
 */
final class WireMapper {

	private WireMapper() {
	}

	/**
	 * Copies the application's mapper: time as ISO-8601 strings, offsets and zones kept on reading,
	 * {@code BigDecimal} scale kept, doubles read as doubles, and exact numbers read back from strings.
	 * @param application the application's mapper, left unchanged
	 * @return the codec's mapper
	 */
	static JsonMapper from(JsonMapper application) {
		JsonMapper.Builder builder = application.rebuild()
			.disable(DateTimeFeature.WRITE_DATES_AS_TIMESTAMPS, DateTimeFeature.WRITE_DURATIONS_AS_TIMESTAMPS,
					DateTimeFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
			.enable(DateTimeFeature.WRITE_DATES_WITH_ZONE_ID)
			.disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
			.disable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
		for (LogicalType numbers : List.of(LogicalType.Integer, LogicalType.Float)) {
			builder.withCoercionConfig(numbers,
					(coercion) -> coercion.setCoercion(CoercionInputShape.String, CoercionAction.TryConvert));
		}
		return builder.build();
	}

}
