package io.github.dispatchspring.signature;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.security.PublicKey;

final class SigningKeyPairs {

	private SigningKeyPairs() {
	}

	static PrivateKey rsaPrivateKey() {
		return rsa().getPrivate();
	}

	static PublicKey rsaPublicKey() {
		return rsa().getPublic();
	}

	private static KeyPair rsa() {
		try {
			KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
			generator.initialize(1024);
			return generator.generateKeyPair();
		} catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
	}
}
