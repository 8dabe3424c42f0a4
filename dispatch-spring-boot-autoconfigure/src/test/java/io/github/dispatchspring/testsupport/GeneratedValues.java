package io.github.dispatchspring.testsupport;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.function.Supplier;
import java.util.stream.Stream;

import org.jspecify.annotations.Nullable;

/**
 * Values a double cannot carry exactly, generated from a fixed seed so that a failure can be run again:
 * longs around &plusmn;2<sup>53</sup> and at the ends of their range, {@code BigDecimal} values of every
 * scale with trailing zeros, integers beyond 64 bits, doubles down to their last bit, instants to the
 * nanosecond, offsets and zones, optionals, enums, nested lists and maps.
 */
public final class GeneratedValues {

	/** The seed every run starts from. */
	public static final long SEED = 20240506L;

	private static final long EXACT = 1L << 53;

	private static final long[] EDGE_LONGS = { 0, 1, -1, EXACT - 1, EXACT, EXACT + 1, -EXACT + 1, -EXACT, -EXACT - 1,
			9007199254740993L, Long.MAX_VALUE, Long.MAX_VALUE - 1, Long.MIN_VALUE, Long.MIN_VALUE + 1 };

	private static final String[] EDGE_DECIMALS = { "232.00", "12345678901234567.89", "-0.000", "0E+3", "1E-7",
			"1.2E+10", "-9007199254740993.0", "3.141592653589793238462643383279502884197" };

	private static final double[] EDGE_DOUBLES = { 0.0, -0.0, 0.1, -1.5, Double.MIN_VALUE, Double.MAX_VALUE,
			-Double.MAX_VALUE, 1e300, 9007199254740994.0, 4.35 };

	private static final List<ZoneId> ZONES = List.of(ZoneId.of("Europe/Paris"), ZoneId.of("America/New_York"),
			ZoneId.of("Asia/Kolkata"), ZoneId.of("UTC"), ZoneOffset.UTC, ZoneOffset.ofHoursMinutes(-3, -30));

	private static final long FIRST_SECOND = Instant.parse("0002-01-01T00:00:00Z").getEpochSecond();

	private static final long LAST_SECOND = Instant.parse("9998-12-31T23:59:59Z").getEpochSecond();

	/** The range of {@code google.protobuf.Duration}: 10,000 years. */
	private static final long MAX_DURATION_SECONDS = 315_576_000_000L;

	private final Random random = new Random(SEED);

	private GeneratedValues() {
	}

	/**
	 * Starts generating from {@link #SEED}, and prints it.
	 * @return a generator
	 */
	public static GeneratedValues fromSeed() {
		System.out.println("Generating values from seed " + SEED);
		return new GeneratedValues();
	}

	/**
	 * Generates ledgers.
	 * @param count how many
	 * @return the ledgers, each holding every kind of value
	 */
	public Stream<Ledger> ledgers(int count) {
		return Stream.generate(this::ledger).limit(count);
	}

	/**
	 * Generates values that travel on their own, each of a class it is decoded back as.
	 * @param count how many
	 * @return longs, {@code BigDecimal} and {@code BigInteger} values, doubles, floats, instants and durations
	 */
	public Stream<Object> scalars(int count) {
		List<Supplier<Object>> kinds = List.of(this::anyLong, this::anyDecimal, this::anyInteger, this::anyDouble,
				this::anyFloat, this::anyInstant, this::anyDuration);
		return Stream.generate(() -> kinds.get(this.random.nextInt(kinds.size())).get()).limit(count);
	}

	private Ledger ledger() {
		Map<String, List<BigDecimal>> totalsByTag = new LinkedHashMap<>();
		for (int i = this.random.nextInt(4); i > 0; i--) {
			totalsByTag.put("tag-" + this.random.nextInt(100), listOf(this::anyDecimal));
		}
		List<Map<String, Long>> counters = listOf(() -> {
			Map<String, Long> counter = new LinkedHashMap<>();
			for (int i = this.random.nextInt(4); i > 0; i--) {
				counter.put("c" + this.random.nextInt(100), anyLong());
			}
			return counter;
		});
		return new Ledger(anyLong(), this.random.nextBoolean() ? anyLong() : null, anyInteger(), anyDecimal(),
				anyDouble(), anyFloat(), anyInstant(), anyOffsetDateTime(), anyZonedDateTime(), anyDuration(),
				maybe(this::anyDecimal), maybe(this::anyLong), Kind.values()[this.random.nextInt(Kind.values().length)],
				listOf(this::line), totalsByTag, counters);
	}

	private Line line() {
		return new Line(anyLong(), anyDecimal(), this.random.nextInt(), maybe(this::anyInteger));
	}

	private <T> List<T> listOf(Supplier<T> element) {
		List<T> list = new ArrayList<>();
		for (int i = this.random.nextInt(4); i > 0; i--) {
			list.add(element.get());
		}
		return list;
	}

	private <T> Optional<T> maybe(Supplier<T> value) {
		return this.random.nextBoolean() ? Optional.of(value.get()) : Optional.empty();
	}

	private long anyLong() {
		return switch (this.random.nextInt(3)) {
			case 0 -> EDGE_LONGS[this.random.nextInt(EDGE_LONGS.length)];
			case 1 -> (EXACT + this.random.nextInt(-1000, 1001)) * (this.random.nextBoolean() ? 1 : -1);
			default -> this.random.nextLong() >> this.random.nextInt(64);
		};
	}

	private BigInteger anyInteger() {
		BigInteger integer = this.random.nextBoolean() ? new BigInteger(this.random.nextInt(200), this.random)
				: BigInteger.valueOf(anyLong());
		return this.random.nextBoolean() ? integer : integer.negate();
	}

	private BigDecimal anyDecimal() {
		if (this.random.nextInt(5) == 0) {
			return new BigDecimal(EDGE_DECIMALS[this.random.nextInt(EDGE_DECIMALS.length)]);
		}
		BigDecimal decimal = new BigDecimal(anyInteger(), this.random.nextInt(-20, 41));
		int trailingZeros = this.random.nextBoolean() ? this.random.nextInt(1, 6) : 0;
		return decimal.setScale(decimal.scale() + trailingZeros);
	}

	private double anyDouble() {
		if (this.random.nextInt(4) == 0) {
			return EDGE_DOUBLES[this.random.nextInt(EDGE_DOUBLES.length)];
		}
		double value = Double.longBitsToDouble(this.random.nextLong());
		return Double.isFinite(value) ? value : this.random.nextGaussian();
	}

	private float anyFloat() {
		float value = Float.intBitsToFloat(this.random.nextInt());
		return Float.isFinite(value) ? value : -0.0f;
	}

	private Instant anyInstant() {
		return Instant.ofEpochSecond(this.random.nextLong(FIRST_SECOND, LAST_SECOND),
				this.random.nextInt(1_000_000_000));
	}

	private OffsetDateTime anyOffsetDateTime() {
		return anyInstant().atOffset(ZoneOffset.ofTotalSeconds(this.random.nextInt(-18 * 3600, 18 * 3600 + 1)));
	}

	private ZonedDateTime anyZonedDateTime() {
		return anyInstant().atZone(ZONES.get(this.random.nextInt(ZONES.size())));
	}

	private Duration anyDuration() {
		return Duration.ofSeconds(this.random.nextLong(-MAX_DURATION_SECONDS, MAX_DURATION_SECONDS + 1),
				this.random.nextInt(1_000_000_000));
	}

	/** What a ledger is for. */
	public enum Kind {

		INVOICE, CREDIT_NOTE, RECEIPT

	}

	/**
	 * A line of a ledger.
	 * @param sku the product
	 * @param price the unit price
	 * @param quantity how many
	 * @param serial the serial number, if any
	 */
	public record Line(long sku, BigDecimal price, int quantity, Optional<BigInteger> serial) {
	}

	/**
	 * A record holding every kind of value that must arrive exactly as sent.
	 * @param id the id
	 * @param parentId the parent's id, or {@code null}
	 * @param serial a serial number
	 * @param total the total
	 * @param ratio a ratio
	 * @param weight a weight
	 * @param at when it happened
	 * @param local when it happened, where
	 * @param zoned when it happened, in which zone
	 * @param term how long it runs
	 * @param discount the discount, if any
	 * @param reference a reference, if any
	 * @param kind what it is for
	 * @param lines its lines
	 * @param totalsByTag totals by tag
	 * @param counters counters
	 */
	public record Ledger(long id, @Nullable Long parentId, BigInteger serial, BigDecimal total, double ratio,
			float weight, Instant at, OffsetDateTime local, ZonedDateTime zoned, Duration term,
			Optional<BigDecimal> discount, Optional<Long> reference, Kind kind, List<Line> lines,
			Map<String, List<BigDecimal>> totalsByTag, List<Map<String, Long>> counters) {
	}

}
