package io.github.dispatchspring.proto;

import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

import com.google.protobuf.Any;
import com.google.protobuf.ByteString;
import com.google.protobuf.FloatValue;
import com.google.protobuf.Int32Value;
import com.google.protobuf.Int64Value;
import com.google.protobuf.ListValue;
import com.google.protobuf.StringValue;
import com.google.protobuf.Struct;
import com.google.protobuf.UInt64Value;
import com.google.protobuf.Value;
import io.github.dispatchspring.SerializationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.junit.jupiter.api.Named.named;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/**
 * Tests for {@link ValueCodec}.
 */
class ValueCodecTests {

	private static final String GOOGLE = "type.googleapis.com/google.protobuf.";

	private final ValueCodec codec = new ValueCodec(new JsonMapper());

	static Stream<Arguments> mappedValues() {
		return Stream.of(mapped(true, Boolean.class, "BoolValue"),
				mapped(42, Integer.class, "Int64Value"),
				mapped(Long.MAX_VALUE, Long.class, "Int64Value"),
				mapped((short) 7, Short.class, "Int64Value"),
				mapped((byte) -3, Byte.class, "Int64Value"),
				mapped(2.5d, Double.class, "DoubleValue"),
				mapped(0.25f, Float.class, "DoubleValue"),
				mapped(new BigDecimal("12.75"), BigDecimal.class, "StringValue"),
				mapped(BigInteger.valueOf(Long.MIN_VALUE), BigInteger.class, "Int64Value"),
				mapped(BigInteger.ONE.shiftLeft(64), BigInteger.class, "StringValue"),
				mapped("hello", String.class, "StringValue"),
				mapped('x', Character.class, "StringValue"),
				mapped(new byte[] { 0, 1, (byte) 0xff }, byte[].class, "BytesValue"),
				mapped(Instant.parse("2024-05-06T07:08:09.123456789Z"), Instant.class, "Timestamp"),
				mapped(OffsetDateTime.of(2024, 5, 6, 7, 8, 9, 0, ZoneOffset.UTC), OffsetDateTime.class, "Timestamp"),
				mapped(java.time.Duration.ofSeconds(90, 500), java.time.Duration.class, "Duration"),
				mapped(new Order(7, "book", List.of("new", "gift")), Order.class, "Value"),
				mapped(new Customer("Ada", 36), Customer.class, "Value"),
				mapped(List.of("a", "b"), List.class, "Value"),
				mapped(Map.of("name", "Ada", "tags", List.of("x")), Map.class, "Value"));
	}

	private static Arguments mapped(Object value, Class<?> type, String messageName) {
		return arguments(named(type.getSimpleName(), value), type, messageName);
	}

	@ParameterizedTest(name = "{0} as {2}")
	@MethodSource("mappedValues")
	void encodesEachMappedTypeAsItsWellKnownMessage(Object value, Class<?> type, String messageName) {
		assertThat(this.codec.encode(value).getTypeUrl()).isEqualTo(GOOGLE + messageName);
	}

	@ParameterizedTest(name = "{0} from {2}")
	@MethodSource("mappedValues")
	void decodesEachMappedTypeBackToAnEqualValue(Object value, Class<?> type, String messageName) {
		assertThat(this.codec.decode(this.codec.encode(value), type)).isEqualTo(value);
	}

	@Test
	void encodesNullAsEmpty() {
		Any any = this.codec.encode(null);

		assertThat(any.getTypeUrl()).isEqualTo(GOOGLE + "Empty");
		assertThat(this.codec.decode(any, String.class)).isNull();
	}

	@Test
	void decodesAnAbsentValueAsNull() {
		assertThat(this.codec.decode(Any.getDefaultInstance(), String.class)).isNull();
	}

	@Test
	void encodesScalarsIntoTheWrapperValue() throws Exception {
		assertThat(this.codec.encode("hello").unpack(StringValue.class).getValue()).isEqualTo("hello");
		assertThat(this.codec.encode(42).unpack(Int64Value.class).getValue()).isEqualTo(42L);
	}

	@Test
	void keepsTheInstantOfAnOffsetDateTime() {
		OffsetDateTime paris = OffsetDateTime.of(2024, 5, 6, 9, 8, 9, 0, ZoneOffset.ofHours(2));

		OffsetDateTime decoded = this.codec.decode(this.codec.encode(paris), OffsetDateTime.class);

		assertThat(decoded).isNotNull();
		assertThat(decoded.toInstant()).isEqualTo(paris.toInstant());
	}

	@Test
	void encodesARecordAsAStructWithNumbersAsDoubles() throws Exception {
		Value value = this.codec.encode(new Order(7, "book", List.of("new"))).unpack(Value.class);

		assertThat(value.getStructValue().getFieldsMap()).containsEntry("id", number(7))
			.containsEntry("item", string("book"))
			.containsEntry("tags", list(string("new")));
	}

	@Test
	void decodesAGoShapedValueIntoARecord() {
		GoOrder order = this.codec.decode(goShapedValue(), GoOrder.class);

		assertThat(order).isEqualTo(new GoOrder(42, 1234567890123L, List.of("a"), new Nested(true)));
	}

	@Test
	void decodesAGoShapedValueIntoAMapWithWholeNumbersAsLongs() {
		Object decoded = this.codec.decode(goShapedValue(), Object.class);

		assertThat(decoded).isEqualTo(Map.of("id", 42L, "total", 1234567890123L, "tags", List.of("a"), "nested",
				Map.of("ok", true)));
	}

	@Test
	void decodesInt32Value() {
		assertThat(this.codec.decode(Any.pack(Int32Value.of(-7)), Integer.class)).isEqualTo(-7);
	}

	@Test
	void decodesUInt64Value() {
		assertThat(this.codec.decode(Any.pack(UInt64Value.of(5)), Long.class)).isEqualTo(5L);
	}

	@Test
	void decodesUInt64ValueAboveLongMaxAsBigInteger() {
		assertThat(this.codec.decode(Any.pack(UInt64Value.of(-1)), BigInteger.class))
			.isEqualTo(new BigInteger("18446744073709551615"));
	}

	@Test
	void decodesFloatValue() {
		assertThat(this.codec.decode(Any.pack(FloatValue.of(1.5f)), Float.class)).isEqualTo(1.5f);
		assertThat(this.codec.decode(Any.pack(FloatValue.of(1.5f)), Double.class)).isEqualTo(1.5d);
	}

	@Test
	void keepsTheValueBytesTheGoSdkReadsForNumbersADoubleHoldsExactly() {
		Reading reading = new Reading(7, 1234567890123L, 0.25, 1.5f, 1L << 53, -(1L << 53), BigInteger.valueOf(42),
				List.of(1L, -2L, 3L), Map.of("a", 4));

		assertThat(this.codec.encode(reading).getValue()).isEqualTo(ByteString.copyFrom(Base64.getDecoder()
			.decode("KtoBChIKBWNvdW50EgkRAAAAAAAAHEAKEgoFdG90YWwSCREAsEywH/dxQgoSCgVyYXRpbxIJEQAAAAAAANA/ChMKBndlaWdodBIJ"
					+ "EQAAAAAAAPg/ChIKBWxpbWl0EgkRAAAAAAAAQEMKEgoFZmxvb3ISCREAAAAAAABAwwoTCgZzZXJpYWwSCREAAAAAAABFQAouCgdz"
					+ "YW1wbGVzEiMyIQoJEQAAAAAAAPA/CgkRAAAAAAAAAMAKCREAAAAAAAAIQAoaCgRiaW5zEhIqEAoOCgFhEgkRAAAAAAAAEEA=")));
	}

	@Test
	void encodesIntegersBeyondTwoToThe53InsideARecordAsTheirDigits() throws Exception {
		Account account = new Account((1L << 53) + 1, -(1L << 53) - 1, BigInteger.ONE.shiftLeft(64),
				new BigDecimal("0"));

		assertThat(fields(account)).containsEntry("id", string("9007199254740993"))
			.containsEntry("floor", string("-9007199254740993"))
			.containsEntry("serial", string("18446744073709551616"));
	}

	@Test
	void encodesABigDecimalInsideARecordAsItsToString() throws Exception {
		Map<String, Value> cents = fields(new Account(1, 2, BigInteger.ONE, new BigDecimal("232.00")));
		Map<String, Value> millions = fields(new Account(1, 2, BigInteger.ONE, new BigDecimal("1.2E+7")));

		assertThat(cents).containsEntry("balance", string("232.00"));
		assertThat(millions).containsEntry("balance", string("1.2E+7"));
	}

	@Test
	void encodesAnIntegerInsideAMapAsItsDigitsWhenADoubleCannotHoldIt() throws Exception {
		assertThat(fields(Map.of("n", 1L << 60))).containsEntry("n", string(Long.toString(1L << 60)));
	}

	@Test
	void encodesABigDecimalAsItsExactDecimalString() throws Exception {
		Any any = this.codec.encode(new BigDecimal("12345678901234567.890"));

		assertThat(any.unpack(StringValue.class).getValue()).isEqualTo("12345678901234567.890");
	}

	@Test
	void encodesAnIntegerBeyond64BitsAsItsDigits() throws Exception {
		BigInteger large = BigInteger.ONE.shiftLeft(64);

		Any any = this.codec.encode(large);

		assertThat(any.unpack(StringValue.class).getValue()).isEqualTo("18446744073709551616");
		assertThat(this.codec.decode(any, BigInteger.class)).isEqualTo(large);
	}

	@Test
	void decodesDigitsInsideAValueIntoTheDeclaredNumericTypes() {
		Struct struct = Struct.newBuilder()
			.putFields("id", string("9007199254740993"))
			.putFields("floor", number(-5))
			.putFields("serial", string("18446744073709551616"))
			.putFields("balance", string("232.00"))
			.build();

		Account account = this.codec.decode(Any.pack(Value.newBuilder().setStructValue(struct).build()), Account.class);

		assertThat(account).isEqualTo(new Account(9007199254740993L, -5, BigInteger.ONE.shiftLeft(64),
				new BigDecimal("232.00")));
	}

	@Test
	void failsToEncodeANaNInsideARecord() {
		assertThatExceptionOfType(SerializationException.class)
			.isThrownBy(() -> this.codec.encode(new Measurement(Double.NaN)))
			.withMessageContaining(Measurement.class.getName())
			.withMessageContaining("NaN")
			.withMessageContaining("google.protobuf.Value holds no NaN or infinite number");
	}

	@Test
	void failsToEncodeAnInfiniteNumberInsideAList() {
		assertThatExceptionOfType(SerializationException.class)
			.isThrownBy(() -> this.codec.encode(List.of(Double.NEGATIVE_INFINITY)))
			.withMessageContaining("-Infinity");
	}

	@Test
	void keepsNaNAndInfinityAsDoublesOfTheirOwn() {
		for (Double value : List.of(Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY)) {
			assertThat(this.codec.decode(this.codec.encode(value), Double.class)).isEqualTo(value);
		}
	}

	@Test
	void keepsTheSignOfNegativeZeroInsideARecord() {
		Measurement decoded = this.codec.decode(this.codec.encode(new Measurement(-0.0d)), Measurement.class);

		assertThat(decoded).isNotNull();
		assertThat(Double.doubleToRawLongBits(decoded.value())).isEqualTo(Double.doubleToRawLongBits(-0.0d));
	}

	@Test
	void encodesBytesInsideARecordAsBase64() throws Exception {
		Attachment attachment = new Attachment(new byte[] { 0, 1, (byte) 0xff });

		Any any = this.codec.encode(attachment);

		assertThat(fields(attachment)).containsEntry("content", string("AAH/"));
		Attachment decoded = this.codec.decode(any, Attachment.class);
		assertThat(decoded).isNotNull();
		assertThat(decoded.content()).isEqualTo(attachment.content());
	}

	@Test
	void decodesEmptyAsAnEmptyOptional() {
		Type optionalLong = new TypeReference<Optional<Long>>() {
		}.getType();

		assertThat(this.codec.decode(this.codec.encode(Optional.empty()), optionalLong)).isEqualTo(Optional.empty());
	}

	@Test
	void encodesANegativeDurationWithSecondsAndNanosOfOneSign() throws Exception {
		java.time.Duration negative = java.time.Duration.ofMillis(-1500);

		Any any = this.codec.encode(negative);

		assertThat(any.unpack(com.google.protobuf.Duration.class))
			.isEqualTo(com.google.protobuf.Duration.newBuilder().setSeconds(-1).setNanos(-500_000_000).build());
		assertThat(this.codec.decode(any, java.time.Duration.class)).isEqualTo(negative);
	}

	@Test
	void keepsTheOffsetOfAnOffsetDateTimeInsideARecord() {
		Appointment appointment = new Appointment(OffsetDateTime.of(2024, 5, 6, 9, 8, 9, 5, ZoneOffset.ofHours(2)));

		assertThat(this.codec.decode(this.codec.encode(appointment), Appointment.class)).isEqualTo(appointment);
	}

	@Test
	void failsToEncodeAValueWhoseGetterThrows() {
		assertThatExceptionOfType(SerializationException.class).isThrownBy(() -> this.codec.encode(new Exploding()))
			.withMessageContaining(Exploding.class.getName());
	}

	@Test
	void failsToEncodeASelfReferencingValue() {
		Node node = new Node();
		node.next = node;

		assertThatExceptionOfType(SerializationException.class).isThrownBy(() -> this.codec.encode(node))
			.withMessageContaining(Node.class.getName());
	}

	@Test
	void failsToEncodeACyclicValue() {
		Node first = new Node();
		Node second = new Node();
		first.next = second;
		second.next = first;

		assertThatExceptionOfType(SerializationException.class).isThrownBy(() -> this.codec.encode(first))
			.withMessageContaining(Node.class.getName());
	}

	@Test
	void failsToDecodeAStringIntoAnInteger() {
		assertThatExceptionOfType(SerializationException.class)
			.isThrownBy(() -> this.codec.decode(Any.pack(StringValue.of("abc")), Integer.class))
			.withMessageContaining("google.protobuf.StringValue")
			.withMessageContaining("Integer");
	}

	@Test
	void failsToDecodeAnUnknownType() {
		Any unknown = Any.newBuilder()
			.setTypeUrl("type.googleapis.com/acme.v1.Unknown")
			.setValue(ByteString.copyFromUtf8("x"))
			.build();

		assertThatExceptionOfType(SerializationException.class).isThrownBy(() -> this.codec.decode(unknown, Object.class))
			.withMessageContaining("acme.v1.Unknown");
	}

	private static Any goShapedValue() {
		Struct nested = Struct.newBuilder().putFields("ok", Value.newBuilder().setBoolValue(true).build()).build();
		Struct struct = Struct.newBuilder()
			.putFields("id", number(42))
			.putFields("total", number(1234567890123d))
			.putFields("tags", list(string("a")))
			.putFields("nested", Value.newBuilder().setStructValue(nested).build())
			.build();
		return Any.pack(Value.newBuilder().setStructValue(struct).build());
	}

	private Map<String, Value> fields(Object value) throws Exception {
		return this.codec.encode(value).unpack(Value.class).getStructValue().getFieldsMap();
	}

	private static Value number(double number) {
		return Value.newBuilder().setNumberValue(number).build();
	}

	private static Value string(String string) {
		return Value.newBuilder().setStringValue(string).build();
	}

	private static Value list(Value... values) {
		return Value.newBuilder().setListValue(ListValue.newBuilder().addAllValues(List.of(values))).build();
	}

	record Order(int id, String item, List<String> tags) {
	}

	record GoOrder(int id, long total, List<String> tags, Nested nested) {
	}

	record Nested(boolean ok) {
	}

	record Reading(int count, long total, double ratio, float weight, long limit, long floor, BigInteger serial,
			List<Long> samples, Map<String, Integer> bins) {
	}

	record Account(long id, long floor, BigInteger serial, BigDecimal balance) {
	}

	record Measurement(double value) {
	}

	record Attachment(byte[] content) {
	}

	record Appointment(OffsetDateTime at) {
	}

	/** A JavaBean, serialized through its getters and setters. */
	static class Customer {

		private String name;

		private int age;

		Customer() {
		}

		Customer(String name, int age) {
			this.name = name;
			this.age = age;
		}

		public String getName() {
			return this.name;
		}

		public void setName(String name) {
			this.name = name;
		}

		public int getAge() {
			return this.age;
		}

		public void setAge(int age) {
			this.age = age;
		}

		@Override
		public boolean equals(Object other) {
			return other instanceof Customer customer && Objects.equals(this.name, customer.name)
					&& this.age == customer.age;
		}

		@Override
		public int hashCode() {
			return Objects.hash(this.name, this.age);
		}

		@Override
		public String toString() {
			return "Customer " + this.name;
		}

	}

	static class Exploding {

		public String getValue() {
			throw new IllegalStateException("boom");
		}

	}

	static class Node {

		public Node next;

	}

}
