package dev.steward.adapter.persistence;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
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

        private static void writeNewKey(Path path) throws IOException {
            byte[] key = new byte[KEY_BYTES];
            new SecureRandom().nextBytes(key);
            Files.createDirectories(path.toAbsolutePath().getParent());
            Path temporary = Files.createTempFile(path.toAbsolutePath().getParent(), ".secret-key", ".tmp");
            try {
                Files.setPosixFilePermissions(temporary, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException notPosix) {
                // a file system without POSIX permissions: the data directory's own protection applies
            }
            Files.writeString(temporary, Base64.getEncoder().encodeToString(key) + "\n", StandardOpenOption.WRITE);
            Arrays.fill(key, (byte) 0);
            try {
                // atomic, and never over a key another process wrote meanwhile: secrets stored with it stay readable
                Files.move(temporary, path, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(temporary);
            }
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
