package dev.steward.adapter.persistence;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.Objects;

/**
 * Where the 256-bit key that encrypts integration secrets comes from: given (e.g. {@code STEWARD_SECRET_KEY}), or a
 * file holding it in base64 (e.g. {@code STEWARD_SECRET_KEY_FILE}), which the embedded default creates once, readable
 * by its owner only, so that a fresh machine needs no setup and a restart keeps its secrets readable.
 */
public sealed interface SecretKeySource {

    int KEY_BYTES = 32;

    /** The key's 32 bytes. @throws IllegalArgumentException naming what is wrong with the key or its file */
    byte[] load();

    /** A key given as base64 text (32 bytes once decoded). */
    record Given(String base64) implements SecretKeySource {
        public Given {
            Objects.requireNonNull(base64, "base64");
            decode(base64.strip(), "the secret key");
        }

        @Override
        public byte[] load() {
            return decode(base64.strip(), "the secret key");
        }

        @Override
        public String toString() {
            return "Given[***]";
        }
    }

    /** A file holding the key in base64; created with a new random key when missing and {@code create} is set. */
    record KeyFile(Path path, boolean create) implements SecretKeySource {
        public KeyFile {
            Objects.requireNonNull(path, "path");
        }

        @Override
        public byte[] load() {
            try {
                if (!Files.exists(path)) {
                    if (!create) {
                        throw new IllegalArgumentException("the secret key file " + path + " does not exist");
                    }
                    writeNewKey(path);
                }
                return decode(Files.readString(path).strip(), "the secret key file " + path);
            } catch (IOException e) {
                throw new UncheckedIOException("the secret key file " + path + " could not be read or created", e);
            }
        }

        /** Creates the file only if it does not exist yet, readable by its owner only from the first byte on. */
        private static void writeNewKey(Path path) throws IOException {
            byte[] key = new byte[KEY_BYTES];
            new SecureRandom().nextBytes(key);
            try {
                writeIfAbsent(path, key);
            } finally {
                Arrays.fill(key, (byte) 0);
            }
        }

        /** Writes {@code key} (a restored backup's) to a new key file, readable by its owner only. */
        public static void write(Path path, byte[] key) {
            if (key.length != KEY_BYTES) {
                throw new IllegalArgumentException("a secret key has " + KEY_BYTES + " bytes");
            }
            try {
                writeIfAbsent(path, key);
            } catch (IOException e) {
                throw new UncheckedIOException("the secret key file " + path + " could not be written", e);
            }
        }

        private static void writeIfAbsent(Path path, byte[] key) throws IOException {
            // if another process created it first, its key is the one secrets are stored with, so it is kept
            OwnerOnlyFile.createNew(path, Base64.getEncoder().encodeToString(key) + "\n");
        }
    }

    private static byte[] decode(String base64, String what) {
        byte[] key;
        try {
            key = Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(what + " is not base64");
        }
        if (key.length != KEY_BYTES) {
            throw new IllegalArgumentException(what + " must be " + KEY_BYTES + " bytes in base64 (got "
                    + key.length + "); make one with: openssl rand -base64 32");
        }
        return key;
    }
}
