package io.github.dispatchspring.durable;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

import com.google.protobuf.Any;

/**
 * A SHA-256 digest of what identifies calls: texts, numbers and inputs, each framed by its length so
 * that no two different sequences of them hash alike.
 */
public final class CallDigest {

	private final MessageDigest digest;

	private final ByteBuffer number = ByteBuffer.allocate(Long.BYTES);

	public CallDigest() {
		try {
			this.digest = MessageDigest.getInstance("SHA-256");
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("The JVM provides no SHA-256", ex);
		}
	}

	/**
	 * Adds a text.
	 * @param text the text
	 * @return this digest
	 */
	public CallDigest add(String text) {
		return add(text.getBytes(StandardCharsets.UTF_8));
	}

	/**
	 * Adds a number.
	 * @param value the number
	 * @return this digest
	 */
	public CallDigest add(long value) {
		this.digest.update(this.number.clear().putLong(value).array());
		return this;
	}

	/**
	 * Adds an input or output: its type and its bytes.
	 * @param value the value
	 * @return this digest
	 */
	public CallDigest add(Any value) {
		add(value.getTypeUrl());
		add(value.getValue().size());
		value.getValue().asReadOnlyByteBufferList().forEach(this.digest::update);
		return this;
	}

	private CallDigest add(byte[] bytes) {
		add(bytes.length);
		this.digest.update(bytes);
		return this;
	}

	/**
	 * The digest of everything added, after which this digest starts again empty.
	 * @return the 32 bytes of the digest
	 */
	public byte[] finish() {
		return this.digest.digest();
	}

}
