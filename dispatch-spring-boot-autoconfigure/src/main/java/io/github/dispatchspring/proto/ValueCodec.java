package io.github.dispatchspring.proto;

import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;

import com.google.protobuf.Any;
import com.google.protobuf.BoolValue;
import com.google.protobuf.ByteString;
import com.google.protobuf.BytesValue;
import com.google.protobuf.DoubleValue;
import com.google.protobuf.Duration;
import com.google.protobuf.Empty;
import com.google.protobuf.FloatValue;
import com.google.protobuf.Int32Value;
import com.google.protobuf.Int64Value;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Message;
import com.google.protobuf.StringValue;
import com.google.protobuf.Timestamp;
import com.google.protobuf.UInt32Value;
import com.google.protobuf.UInt64Value;
import com.google.protobuf.Value;
import io.github.dispatchspring.DispatchStatus;
import io.github.dispatchspring.SerializationException;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.NullNode;

/**
 * Converts Java values to {@code google.protobuf.Any} and back with the Go SDK's mapping: wrappers for
 * scalars, {@code Empty} for null, {@code Timestamp} and {@code Duration} for time, and
 * {@code google.protobuf.Value} for objects and lists, which Jackson maps to and from records and POJOs.
 * Numbers arrive exactly as sent: a {@code BigDecimal}, a {@code BigInteger} beyond 64 bits, and an integer
 * beyond &plusmn;2<sup>53</sup> inside an object or list travel as the string of their digits, which Jackson
 * reads back into the declared numeric type; a value that cannot travel exactly fails with a
 * {@link SerializationException} rather than change.
 */
public final class ValueCodec {

	private final JsonMapper mapper;

	/**
	 * Creates a codec that maps objects with a copy of the given mapper, its wire settings fixed.
	 * @param mapper the application's mapper, left unchanged
	 */
	public ValueCodec(JsonMapper mapper) {
		this.mapper = WireMapper.from(mapper);
	}

	/**
	 * Encodes a value.
	 * @param value the value, or {@code null}
	 * @return the wire form
	 * @throws SerializationException if the value cannot be represented
	 */
	public Any encode(@Nullable Object value) {
		try {
			return Any.pack(toMessage(value));
		}
		catch (JacksonException | IllegalArgumentException ex) {
			throw new SerializationException(DispatchStatus.INVALID_ARGUMENT, "Cannot serialize a value of type "
					+ value.getClass().getName() + ": " + ex.getMessage(), ex);
		}
	}

	private Message toMessage(@Nullable Object value) {
		if (value == null) {
			return Empty.getDefaultInstance();
		}
		if (value instanceof Message message) {
			return message;
		}
		if (value instanceof Boolean bool) {
			return BoolValue.of(bool);
		}
		if (value instanceof Long || value instanceof Integer || value instanceof Short || value instanceof Byte
				|| value instanceof Double || value instanceof Float || value instanceof BigDecimal
				|| value instanceof BigInteger) {
			return number((Number) value);
		}
		if (value instanceof CharSequence || value instanceof Character) {
			return StringValue.of(value.toString());
		}
		if (value instanceof byte[] bytes) {
			return BytesValue.of(ByteString.copyFrom(bytes));
		}
		if (value instanceof java.time.Duration duration) {
			return duration(duration);
		}
		Instant instant = instant(value);
		if (instant != null) {
			return Timestamp.newBuilder().setSeconds(instant.getEpochSecond()).setNanos(instant.getNano()).build();
		}
		return fromTree(this.mapper.valueToTree(value));
	}

	/**
	 * A {@code Duration} whose seconds and nanos have one sign, as the message requires: Java keeps its nanos
	 * positive, so -1.5 seconds are -2 seconds and 500,000,000 nanos in Java and -1 and -500,000,000 here.
	 */
	private static Duration duration(java.time.Duration duration) {
		long seconds = duration.getSeconds();
		int nanos = duration.getNano();
		if (seconds < 0 && nanos > 0) {
			seconds++;
			nanos -= 1_000_000_000;
		}
		return Duration.newBuilder().setSeconds(seconds).setNanos(nanos).build();
	}

	private static @Nullable Instant instant(Object value) {
		if (value instanceof Instant instant) {
			return instant;
		}
		if (value instanceof OffsetDateTime dateTime) {
			return dateTime.toInstant();
		}
		if (value instanceof ZonedDateTime dateTime) {
			return dateTime.toInstant();
		}
		return null;
	}

	private static Message fromTree(JsonNode node) {
		return switch (node.getNodeType()) {
			case NULL, MISSING -> Empty.getDefaultInstance();
			case BOOLEAN -> BoolValue.of(node.booleanValue());
			case NUMBER -> number(node.numberValue());
			case STRING -> StringValue.of(node.stringValue());
			case BINARY -> BytesValue.of(ByteString.copyFrom(node.binaryValue()));
			case ARRAY, OBJECT, POJO -> StructuredValues.toValue(node);
		};
	}

	/**
	 * A number of its own: {@code Int64Value} for integers of 64 bits, {@code DoubleValue} for doubles and
	 * floats, and the exact decimal string, a {@code StringValue}, for a {@code BigDecimal} or a larger integer.
	 */
	private static Message number(Number number) {
		if (number instanceof BigDecimal decimal) {
			return StringValue.of(decimal.toString());
		}
		if (number instanceof BigInteger integer) {
			return (integer.bitLength() < Long.SIZE) ? Int64Value.of(integer.longValue())
					: StringValue.of(integer.toString());
		}
		if (number instanceof Double || number instanceof Float) {
			return DoubleValue.of(number.doubleValue());
		}
		return Int64Value.of(number.longValue());
	}

	/**
	 * Decodes a value into the given type.
	 * @param any the wire form
	 * @param type the Java type to read it as
	 * @return the value, {@code null} for {@code Empty} or an absent value
	 * @throws SerializationException if the value cannot be read as that type
	 */
	public @Nullable Object decode(Any any, Type type) {
		JavaType javaType = this.mapper.constructType(type);
		try {
			Object natural = natural(any, javaType);
			if (natural == null) {
				if (javaType.isPrimitive()) {
					throw new IllegalArgumentException("null cannot be read as " + javaType.getRawClass().getName());
				}
				return javaType.isReferenceType() ? this.mapper.treeToValue(NullNode.getInstance(), javaType) : null;
			}
			if (javaType.getRawClass().isInstance(natural)) {
				return natural;
			}
			if (natural instanceof JsonNode node) {
				return this.mapper.treeToValue(node, javaType);
			}
			return this.mapper.convertValue(natural, javaType);
		}
		catch (JacksonException | IllegalArgumentException | InvalidProtocolBufferException ex) {
			throw new SerializationException(DispatchStatus.INVALID_ARGUMENT, "Cannot read a value of type "
					+ typeName(any) + " as " + javaType + ": " + ex.getMessage(), ex);
		}
	}

	/**
	 * Decodes a value into the given class.
	 * @param any the wire form
	 * @param type the class to read it as
	 * @param <T> the value type
	 * @return the value, {@code null} for {@code Empty}
	 */
	@SuppressWarnings("unchecked")
	public <T> @Nullable T decode(Any any, Class<T> type) {
		return (T) decode(any, (Type) type);
	}

	private @Nullable Object natural(Any any, JavaType target) throws InvalidProtocolBufferException {
		if (any.getTypeUrl().isEmpty()) {
			return null;
		}
		String typeName = typeName(any);
		if (Message.class.isAssignableFrom(target.getRawClass()) && !typeName.startsWith("google.protobuf.")) {
			return any.unpack(target.getRawClass().asSubclass(Message.class));
		}
		return switch (typeName) {
			case "google.protobuf.Empty" -> null;
			case "google.protobuf.BoolValue" -> any.unpack(BoolValue.class).getValue();
			case "google.protobuf.Int64Value" -> any.unpack(Int64Value.class).getValue();
			case "google.protobuf.Int32Value" -> (long) any.unpack(Int32Value.class).getValue();
			case "google.protobuf.UInt64Value" -> unsigned(any.unpack(UInt64Value.class).getValue());
			case "google.protobuf.UInt32Value" -> Integer.toUnsignedLong(any.unpack(UInt32Value.class).getValue());
			case "google.protobuf.DoubleValue" -> any.unpack(DoubleValue.class).getValue();
			case "google.protobuf.FloatValue" -> (double) any.unpack(FloatValue.class).getValue();
			case "google.protobuf.StringValue" -> any.unpack(StringValue.class).getValue();
			case "google.protobuf.BytesValue" -> any.unpack(BytesValue.class).getValue().toByteArray();
			case "google.protobuf.Timestamp" -> {
				Timestamp timestamp = any.unpack(Timestamp.class);
				yield Instant.ofEpochSecond(timestamp.getSeconds(), timestamp.getNanos());
			}
			case "google.protobuf.Duration" -> {
				Duration duration = any.unpack(Duration.class);
				yield java.time.Duration.ofSeconds(duration.getSeconds(), duration.getNanos());
			}
			case "google.protobuf.Value" -> {
				JsonNode node = StructuredValues.toNode(any.unpack(Value.class));
				yield (target.getRawClass() == Object.class) ? this.mapper.treeToValue(node, Object.class) : node;
			}
			default -> throw new IllegalArgumentException("values of type " + typeName + " are not supported");
		};
	}

	private static Object unsigned(long value) {
		return (value >= 0) ? (Object) value : new BigInteger(Long.toUnsignedString(value));
	}

	private static String typeName(Any any) {
		String url = any.getTypeUrl();
		return url.substring(url.lastIndexOf('/') + 1);
	}

}
