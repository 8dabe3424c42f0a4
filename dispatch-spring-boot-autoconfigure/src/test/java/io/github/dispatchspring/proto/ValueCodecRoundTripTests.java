package io.github.dispatchspring.proto;

import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;

import io.github.dispatchspring.testsupport.GeneratedValues;
import io.github.dispatchspring.testsupport.GeneratedValues.Ledger;
import io.github.dispatchspring.testsupport.GeneratedValues.Line;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.cfg.DateTimeFeature;
import tools.jackson.databind.cfg.JsonNodeFeature;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Round-trip properties of {@link ValueCodec} over generated values: each comes back equal to what was
 * sent ({@code BigDecimal} scale included), through the codec of a plain {@link JsonMapper}, of the mapper
 * Spring Boot configures, and of a mapper whose own settings would change numbers and time.
 */
class ValueCodecRoundTripTests {

	private static final int COUNT = 300;

	private static final Map<String, ValueCodec> codecs = codecs();

	static Stream<Ledger> ledgers() {
		return GeneratedValues.fromSeed().ledgers(COUNT);
	}

	static Stream<Object> scalars() {
		return GeneratedValues.fromSeed().scalars(COUNT);
	}

	@ParameterizedTest(name = "seed " + GeneratedValues.SEED + ", ledger {index}")
	@MethodSource("ledgers")
	void decodesEachRecordToAnEqualRecord(Ledger ledger) {
		codecs.forEach((name, codec) -> assertThat(roundTrip(codec, ledger, Ledger.class)).as(name).isEqualTo(ledger));
	}

	@ParameterizedTest(name = "seed " + GeneratedValues.SEED + ", ledger {index}")
	@MethodSource("ledgers")
	void decodesGenericCollectionsAndOptionalsToEqualValuesOfTheDeclaredType(Ledger ledger) {
		codecs.forEach((name, codec) -> {
			assertThat(roundTrip(codec, ledger.lines(), new TypeReference<List<Line>>() {
			}.getType())).as(name).isEqualTo(ledger.lines());
			assertThat(roundTrip(codec, ledger.totalsByTag(), new TypeReference<Map<String, List<BigDecimal>>>() {
			}.getType())).as(name).isEqualTo(ledger.totalsByTag());
			assertThat(roundTrip(codec, ledger.counters(), new TypeReference<List<Map<String, Long>>>() {
			}.getType())).as(name).isEqualTo(ledger.counters());
			assertThat(roundTrip(codec, ledger.discount(), new TypeReference<Optional<BigDecimal>>() {
			}.getType())).as(name).isEqualTo(ledger.discount());
			assertThat(roundTrip(codec, ledger.reference(), new TypeReference<Optional<Long>>() {
			}.getType())).as(name).isEqualTo(ledger.reference());
		});
	}

	@ParameterizedTest(name = "seed " + GeneratedValues.SEED + ", {0}")
	@MethodSource("scalars")
	void decodesEachValueOfItsOwnToAnEqualValueOfItsClass(Object value) {
		codecs.forEach((name, codec) -> assertThat(roundTrip(codec, value, value.getClass())).as(name).isEqualTo(value));
	}

	private static Object roundTrip(ValueCodec codec, Object value, Type type) {
		return codec.decode(codec.encode(value), type);
	}

	private static Map<String, ValueCodec> codecs() {
		Map<String, ValueCodec> codecs = new LinkedHashMap<>();
		codecs.put("plain JsonMapper", new ValueCodec(new JsonMapper()));
		codecs.put("Spring Boot's JsonMapper", new ValueCodec(springBootMapper()));
		codecs.put("JsonMapper with contrary settings", new ValueCodec(JsonMapper.builder()
			.disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
			.enable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
			.enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
			.enable(DateTimeFeature.WRITE_DATES_AS_TIMESTAMPS, DateTimeFeature.WRITE_DURATIONS_AS_TIMESTAMPS)
			.build()));
		return codecs;
	}

	private static JsonMapper springBootMapper() {
		AtomicReference<JsonMapper> mapper = new AtomicReference<>();
		new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(JacksonAutoConfiguration.class))
			.run((context) -> mapper.set(context.getBean(JsonMapper.class)));
		return mapper.get();
	}

}
