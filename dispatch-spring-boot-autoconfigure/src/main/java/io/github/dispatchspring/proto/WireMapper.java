package io.github.dispatchspring.proto;

import tools.jackson.databind.cfg.DateTimeFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The codec's copy of the application's {@link JsonMapper}: the application's modules and annotations
 * stay, and the settings the wire form depends on are fixed, so that every application writes values the
 * same way and reads back exactly what was sent, whatever its own JSON settings are.
 */
final class WireMapper {

	private WireMapper() {
	}

	/**
	 * Copies the application's mapper: time as ISO-8601 strings, offsets and zones kept on reading.
	 * @param application the application's mapper, left unchanged
	 * @return the codec's mapper
	 */
	static JsonMapper from(JsonMapper application) {
		return application.rebuild()
			.disable(DateTimeFeature.WRITE_DATES_AS_TIMESTAMPS, DateTimeFeature.WRITE_DURATIONS_AS_TIMESTAMPS,
					DateTimeFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
			.enable(DateTimeFeature.WRITE_DATES_WITH_ZONE_ID)
			.build();
	}

}
