package io.github.dispatchspring.proto;

import java.math.BigDecimal;
import java.util.Map;

import com.google.protobuf.ListValue;
import com.google.protobuf.NullValue;
import com.google.protobuf.Struct;
import com.google.protobuf.Value;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.databind.node.POJONode;

/**
 * Converts JSON trees to {@code google.protobuf.Value} and back, with numbers as doubles the way the
 * Go SDK reads and writes them, but for the numbers a double cannot hold exactly: integers beyond
 * &plusmn;2<sup>53</sup> travel as strings of their decimal digits, as the proto3 JSON mapping writes
 * 64-bit integers, and {@code BigDecimal} values as their {@link BigDecimal#toString()}, scale kept.
 */
final class StructuredValues {

	private static final long MAX_EXACT_INTEGER = 1L << 53;

	private static final long NEGATIVE_ZERO = Double.doubleToRawLongBits(-0.0d);

	private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

	private static final Value NULL = Value.newBuilder().setNullValue(NullValue.NULL_VALUE).build();

	private StructuredValues() {
	}

	static Value toValue(JsonNode node) {
		return switch (node.getNodeType()) {
			case NULL, MISSING -> NULL;
			case BOOLEAN -> Value.newBuilder().setBoolValue(node.booleanValue()).build();
			case NUMBER -> number(node);
			case STRING -> string(node.stringValue());
			case BINARY -> string(node.asString());
			case POJO -> embedded((POJONode) node);
			case ARRAY -> Value.newBuilder().setListValue(toList(node)).build();
			case OBJECT -> Value.newBuilder().setStructValue(toStruct(node)).build();
		};
	}

	private static Value number(JsonNode number) {
		if (number.isBigDecimal()) {
			return string(number.decimalValue().toString());
		}
		if (number.isIntegralNumber()) {
			return exactAsDouble(number) ? Value.newBuilder().setNumberValue(number.longValue()).build()
					: string(number.bigIntegerValue().toString());
		}
		double value = number.doubleValue();
		if (!Double.isFinite(value)) {
			throw new IllegalArgumentException("the number " + value + " inside an object or list cannot travel: "
					+ "google.protobuf.Value holds no NaN or infinite number (its JSON form and the Go SDK refuse them); "
					+ "send it as a double of its own, or as a string");
		}
		return Value.newBuilder().setNumberValue(value).build();
	}

	private static boolean exactAsDouble(JsonNode integer) {
		if (!integer.canConvertToLong()) {
			return false;
		}
		long value = integer.longValue();
		return value >= -MAX_EXACT_INTEGER && value <= MAX_EXACT_INTEGER;
	}

	private static Value embedded(POJONode node) {
		Object pojo = node.getPojo();
		if (pojo == null) {
			return NULL;
		}
		if (pojo instanceof byte[] bytes) {
			return string(NODES.binaryNode(bytes).asString());
		}
		throw new IllegalArgumentException("the " + pojo.getClass().getName() + " embedded in its JSON tree cannot "
				+ "travel inside google.protobuf.Value; give its type a Jackson serializer that writes JSON");
	}

	private static Value string(String string) {
		return Value.newBuilder().setStringValue(string).build();
	}

	private static ListValue toList(JsonNode array) {
		ListValue.Builder list = ListValue.newBuilder();
		for (JsonNode element : array.values()) {
			list.addValues(toValue(element));
		}
		return list.build();
	}

	private static Struct toStruct(JsonNode object) {
		Struct.Builder struct = Struct.newBuilder();
		for (Map.Entry<String, JsonNode> property : object.properties()) {
			struct.putFields(property.getKey(), toValue(property.getValue()));
		}
		return struct.build();
	}

	static JsonNode toNode(Value value) {
		return switch (value.getKindCase()) {
			case NULL_VALUE, KIND_NOT_SET -> NODES.nullNode();
			case BOOL_VALUE -> NODES.booleanNode(value.getBoolValue());
			case NUMBER_VALUE -> number(value.getNumberValue());
			case STRING_VALUE -> NODES.stringNode(value.getStringValue());
			case LIST_VALUE -> {
				ArrayNode array = NODES.arrayNode();
				value.getListValue().getValuesList().forEach((element) -> array.add(toNode(element)));
				yield array;
			}
			case STRUCT_VALUE -> {
				ObjectNode object = NODES.objectNode();
				value.getStructValue().getFieldsMap().forEach((name, field) -> object.set(name, toNode(field)));
				yield object;
			}
		};
	}

	private static JsonNode number(double number) {
		boolean negativeZero = Double.doubleToRawLongBits(number) == NEGATIVE_ZERO;
		if (number == Math.rint(number) && Math.abs(number) <= MAX_EXACT_INTEGER && !negativeZero) {
			return NODES.numberNode((long) number);
		}
		return NODES.numberNode(number);
	}

}
