package dev.steward.adapter.persistence;

import dev.steward.application.problem.PortFailure;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.HexFormat;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * AES-256-GCM with a fresh random 96-bit nonce per value (so one key can encrypt far more values than Steward will
 * ever store). The associated data names what a ciphertext belongs to: decrypting it anywhere else fails.
 */
final class SecretCipher {

    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final SecretKey key;
    private final String keyId;
    private final SecureRandom random = new SecureRandom();

    SecretCipher(byte[] keyBytes) {
        if (keyBytes.length != SecretKeySource.KEY_BYTES) {
            throw new IllegalArgumentException("an AES-256 key has 32 bytes");
        }
        this.key = new SecretKeySpec(keyBytes, "AES");
        this.keyId = fingerprint(keyBytes);
    }

    static SecretCipher from(SecretKeySource source) {
        return new SecretCipher(source.load());
    }

    /** A stable name of the key that reveals nothing of it (16 hex characters of a hash over a label and the key). */
    String keyId() {
        return keyId;
    }

    byte[] encrypt(String clear, String associatedData) {
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(associatedData.getBytes(StandardCharsets.UTF_8));
            byte[] sealed = cipher.doFinal(clear.getBytes(StandardCharsets.UTF_8));
            return ByteBuffer.allocate(NONCE_BYTES + sealed.length).put(nonce).put(sealed).array();
        } catch (GeneralSecurityException e) {
            throw PortFailure.permanent("secret vault", "encrypting a secret failed: " + e.getClass().getSimpleName(),
                    null);
        }
    }

    /** @throws PortFailure if the value was not sealed by this key for {@code associatedData} */
    String decrypt(byte[] sealed, String associatedData) {
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, sealed, 0, NONCE_BYTES));
            cipher.updateAAD(associatedData.getBytes(StandardCharsets.UTF_8));
            return new String(cipher.doFinal(sealed, NONCE_BYTES, sealed.length - NONCE_BYTES),
                    StandardCharsets.UTF_8);
        } catch (GeneralSecurityException e) {
            throw PortFailure.permanent("secret vault", "a stored secret failed its integrity check (it was changed, "
                    + "or moved to another row)", null);
        }
    }

    private static String fingerprint(byte[] keyBytes) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update("steward secret key id".getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest.digest(keyBytes), 0, 8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
