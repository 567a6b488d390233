package dev.steward.adapter.persistence.backup;

import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.Properties;
import javax.crypto.Cipher;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.PBEKeySpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * The installation's secret key as a backup carries it: AES-256-GCM under a key derived from the operator's
 * passphrase with PBKDF2-HMAC-SHA256 (600,000 iterations, OWASP's 2023 figure; in the JDK, so a restore needs nothing
 * else), bound as associated data to the digest of the backup's manifest, so a wrong passphrase and a changed backup
 * are both refused before anything is restored.
 */
final class SealedKey {

    static final int ITERATIONS = 600_000;
    private static final int SALT_BYTES = 16;
    private static final int NONCE_BYTES = 12;

    private SealedKey() {
    }

    static Properties seal(byte[] secretKey, char[] passphrase, byte[] manifestDigest) {
        SecureRandom random = new SecureRandom();
        byte[] salt = new byte[SALT_BYTES];
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(salt);
        random.nextBytes(nonce);
        byte[] sealed = run(Cipher.ENCRYPT_MODE, passphrase, salt, ITERATIONS, nonce, manifestDigest, secretKey);
        Properties out = new Properties();
        out.setProperty("kdf", "PBKDF2WithHmacSHA256");
        out.setProperty("iterations", Integer.toString(ITERATIONS));
        out.setProperty("salt", Base64.getEncoder().encodeToString(salt));
        out.setProperty("cipher", "AES/GCM/NoPadding");
        out.setProperty("nonce", Base64.getEncoder().encodeToString(nonce));
        out.setProperty("sealed", Base64.getEncoder().encodeToString(sealed));
        return out;
    }

    /** @throws BackupRefused when the passphrase does not open it, or the manifest is not the one it was sealed with */
    static byte[] open(Properties sealed, char[] passphrase, byte[] manifestDigest) {
        try {
            byte[] salt = Base64.getDecoder().decode(sealed.getProperty("salt"));
            byte[] nonce = Base64.getDecoder().decode(sealed.getProperty("nonce"));
            byte[] data = Base64.getDecoder().decode(sealed.getProperty("sealed"));
            int iterations = Integer.parseInt(sealed.getProperty("iterations"));
            return run(Cipher.DECRYPT_MODE, passphrase, salt, iterations, nonce, manifestDigest, data);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new BackupRefused("the backup's sealed key is unreadable: the file is damaged or not a Steward"
                    + " backup");
        } catch (WrongKey e) {
            throw new BackupRefused("the passphrase does not open this backup (or the backup was changed after it"
                    + " was written); nothing was restored");
        }
    }

    private static byte[] run(int mode, char[] passphrase, byte[] salt, int iterations, byte[] nonce, byte[] aad,
                              byte[] input) {
        PBEKeySpec spec = new PBEKeySpec(passphrase, salt, iterations, 256);
        byte[] derived = null;
        try {
            derived = SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(mode, new SecretKeySpec(derived, "AES"), new GCMParameterSpec(128, nonce));
            cipher.updateAAD(aad);
            return cipher.doFinal(input);
        } catch (javax.crypto.AEADBadTagException e) {
            throw new WrongKey();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("sealing the key failed: " + e.getClass().getSimpleName(), e);
        } finally {
            spec.clearPassword();
            if (derived != null) {
                Arrays.fill(derived, (byte) 0);
            }
        }
    }

    /** The derived key did not authenticate the sealed key: another passphrase, or another manifest. */
    private static final class WrongKey extends RuntimeException {
        WrongKey() {
            super(null, null, false, false);
        }
    }
}
