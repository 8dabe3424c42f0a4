package io.github.dispatchspring.signature;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.dispatchspring.signature.SignatureVerificationException.Kind;
import io.github.dispatchspring.signature.StructuredFields.InnerList;
import io.github.dispatchspring.signature.StructuredFields.Item;
import io.github.dispatchspring.signature.StructuredFields.Member;
import io.github.dispatchspring.signature.StructuredFields.Token;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class StructuredFieldParserTest {

	@Test
	void parsesSignatureInputMembers() {
		Map<String, Member> dictionary = parse(
				"sig1=(\"@method\"  \"content-type\";sf);created=1618884473;keyid=\"k\\\"1\";flag,\tdispatch=()");

		assertThat(dictionary).containsOnlyKeys("sig1", "dispatch");
		InnerList sig1 = (InnerList) dictionary.get("sig1");
		assertThat(sig1.items()).extracting(Item::value).containsExactly("@method", "content-type");
		assertThat(sig1.items().get(1).parameters()).containsExactly(Map.entry("sf", true));
		assertThat(sig1.parameters()).containsExactly(
				Map.entry("created", 1618884473L), Map.entry("keyid", "k\"1"), Map.entry("flag", true));
		assertThat(((InnerList) dictionary.get("dispatch")).items()).isEmpty();
	}

	@Test
	void parsesBareItemTypes() {
		Map<String, Member> dictionary = parse("a=-12, b=4.125, c=tok/en:x, d=:AQID:, e=?0, f, g=\"\"");

		assertThat(dictionary.values()).extracting(member -> ((Item) member).value()).containsExactly(
				-12L, new BigDecimal("4.125"), new Token("tok/en:x"), new byte[] {1, 2, 3}, false, true, "");
	}

	@Test
	void laterDuplicateKeysWin() {
		assertThat(parse("a=1, b=2, a=3")).containsExactly(
				Map.entry("a", new Item(3L, Map.of())), Map.entry("b", new Item(2L, Map.of())));
	}

	@Test
	void serializesParsedInnerListsCanonically() {
		String input = "(\"@method\" \"@path\");created=1;expires=2;nonce=\"n\";tag=t;x;d=1.50;b=:AQ==:;z=?0";
		InnerList list = (InnerList) parse("s=" + input).get("s");

		assertThat(StructuredFields.serializeInnerList(list)).isEqualTo(input.replace("1.50", "1.5"));
	}

	@ParameterizedTest
	@ValueSource(strings = {
		"Dispatch=()", "a=(\"x\"", "a=(\"x\"\"y\")", "a=1,", "a=1 b=2", "a==1", "a=\"unterminated",
		"a=\"bad\\escape\"", "a=:not base64:", "a=:QQ", "a=1234567890123456", "a=1.2345", "a=1.", "a=-",
		"a=?2", "a=@", "a=1;", "a=1;B=2", "a=(1)x", "a=\"caf\u00e9\"", "a=\"tab\there\"", ",a=1"})
	void rejectsInvalidSyntax(String value) {
		assertThatThrownBy(() -> parse(value))
				.isInstanceOfSatisfying(SignatureVerificationException.class,
						e -> assertThat(e.kind()).isEqualTo(Kind.MISSING_OR_MALFORMED))
				.hasMessageStartingWith("Test-Field is not a valid structured-field dictionary: ");
	}

	@Test
	void toleratesSurroundingWhitespace() {
		assertThat(parse("  a=1 ,  b=(\"x\" )  ")).containsOnlyKeys("a", "b");
		assertThat(parse("")).isEmpty();
		assertThat(((InnerList) parse("b=( \"x\"  \"y\" )").get("b")).items()).hasSize(2);
		assertThat(parse("a=1;  p=2").get("a").parameters()).isEqualTo(Map.of("p", 2L));
		assertThat(List.of(parse("a=999999999999999").get("a"))).extracting(m -> ((Item) m).value())
				.containsExactly(999999999999999L);
	}

	private static Map<String, Member> parse(String value) {
		return StructuredFieldParser.parseDictionary("Test-Field", value);
	}
}
