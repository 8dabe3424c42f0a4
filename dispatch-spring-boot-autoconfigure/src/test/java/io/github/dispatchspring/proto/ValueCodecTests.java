package io.github.dispatchspring.proto;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Objects;
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
				mapped(new BigDecimal("12.75"), BigDecimal.class, "DoubleValue"),
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
	void failsToEncodeAnIntegerInsideAMapThatADoubleCannotCarryExactly() {
		long large = 1L << 60;

		assertThatExceptionOfType(SerializationException.class).isThrownBy(() -> this.codec.encode(Map.of("n", large)))
			.withMessageContaining(Long.toString(large))
			.withMessageContaining("send it as a string");
	}

	@Test
	void failsToEncodeAnIntegerBeyond64Bits() {
		BigInteger tooLarge = BigInteger.ONE.shiftLeft(64);

		assertThatExceptionOfType(SerializationException.class).isThrownBy(() -> this.codec.encode(tooLarge))
			.withMessageContaining(BigInteger.class.getName());
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

	@Test
	void keepsTheOffsetOfAnOffsetDateTimeInsideARecord() {
		Appointment appointment = new Appointment(OffsetDateTime.of(2024, 5, 6, 9, 8, 9, 5, ZoneOffset.ofHours(2)));

		assertThat(this.codec.decode(this.codec.encode(appointment), Appointment.class)).isEqualTo(appointment);
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
