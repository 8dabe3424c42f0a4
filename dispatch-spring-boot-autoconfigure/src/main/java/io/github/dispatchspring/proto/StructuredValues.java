package io.github.dispatchspring.proto;

import java.util.Map;

import com.google.protobuf.ListValue;
import com.google.protobuf.NullValue;
import com.google.protobuf.Struct;
import com.google.protobuf.Value;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Converts JSON trees to {@code google.protobuf.Value} and back, with numbers as doubles the way the
 * Go SDK reads and writes them.
 */
final class StructuredValues {

	private static final double MAX_EXACT_INTEGER = 9007199254740992d;

	private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

	private StructuredValues() {
	}

	static Value toValue(JsonNode node) {
		return switch (node.getNodeType()) {
			case NULL, MISSING -> Value.newBuilder().setNullValue(NullValue.NULL_VALUE).build();
			case BOOLEAN -> Value.newBuilder().setBoolValue(node.booleanValue()).build();
			case NUMBER -> Value.newBuilder().setNumberValue(exactDouble(node)).build();
			case STRING -> Value.newBuilder().setStringValue(node.stringValue()).build();
			case BINARY -> Value.newBuilder().setStringValue(node.asString()).build();
			case ARRAY -> Value.newBuilder().setListValue(toList(node)).build();
			case OBJECT, POJO -> Value.newBuilder().setStructValue(toStruct(node)).build();
		};
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

	private static double exactDouble(JsonNode number) {
		double value = number.doubleValue();
		if (number.isIntegralNumber() && Math.abs(value) > MAX_EXACT_INTEGER) {
			throw new IllegalArgumentException("the integer " + number.asString()
					+ " inside an object or list cannot be carried exactly as a JSON number; send it as a string");
		}
		return value;
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
		if (number == Math.rint(number) && Math.abs(number) <= MAX_EXACT_INTEGER) {
			return NODES.numberNode((long) number);
		}
		return NODES.numberNode(number);
	}

}
