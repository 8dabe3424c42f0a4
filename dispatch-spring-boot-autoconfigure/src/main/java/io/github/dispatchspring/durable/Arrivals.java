package io.github.dispatchspring.durable;

import com.google.protobuf.ByteString;

/**
 * Which calls of a gather have a result: one bit per call, least significant bit first, as the
 * journal carries it for the gather the function is suspended at.
 */
final class Arrivals {

	private final byte[] bits;

	private final int size;

	private int count;

	private Arrivals(byte[] bits, int size) {
		this.bits = bits;
		this.size = size;
		for (byte bits8 : bits) {
			this.count += Integer.bitCount(bits8 & 0xff);
		}
	}

	/**
	 * No arrival yet.
	 * @param size the number of calls
	 * @return the arrivals
	 */
	static Arrivals none(int size) {
		return new Arrivals(new byte[(int) bytesFor(size)], size);
	}

	/**
	 * The arrivals a journal records, checked by the journal's consistency first.
	 * @param bits the recorded bits
	 * @param size the number of calls
	 * @return the arrivals
	 */
	static Arrivals of(ByteString bits, int size) {
		return new Arrivals(bits.toByteArray(), size);
	}

	/**
	 * How many bytes record the arrivals of a gather.
	 * @param size the number of calls
	 * @return the number of bytes
	 */
	static long bytesFor(long size) {
		return (size + 7) / 8;
	}

	/**
	 * Whether the recorded bits fit a gather of the given size: one bit per call, none beyond.
	 * @param bits the recorded bits
	 * @param size the number of calls, unsigned
	 * @return {@code true} if they fit
	 */
	static boolean fit(ByteString bits, long size) {
		if (bits.size() != bytesFor(size)) {
			return false;
		}
		int used = (int) (size % 8);
		return used == 0 || (bits.byteAt(bits.size() - 1) & 0xff) >>> used == 0;
	}

	boolean has(int index) {
		return (this.bits[index >>> 3] & (1 << (index & 7))) != 0;
	}

	void add(int index) {
		if (!has(index)) {
			this.bits[index >>> 3] |= (byte) (1 << (index & 7));
			this.count++;
		}
	}

	int count() {
		return this.count;
	}

	boolean complete() {
		return this.count == this.size;
	}

	ByteString bytes() {
		return ByteString.copyFrom(this.bits);
	}

}
