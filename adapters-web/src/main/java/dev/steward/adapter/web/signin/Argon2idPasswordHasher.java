package dev.steward.adapter.web.signin;

import dev.steward.application.port.access.PasswordHasher;
import dev.steward.domain.user.Password;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;

/**
 * Argon2id (RFC 9106) by BouncyCastle, encoded in the PHC string format that other Argon2 libraries read
 * ({@code $argon2id$v=19$m=19456,t=2,p=1$salt$hash}). The default cost is OWASP's recommended minimum; each hash
 * keeps its own parameters, so raising the cost later leaves existing hashes checkable.
 */
public final class Argon2idPasswordHasher implements PasswordHasher {

    private static final Pattern ENCODED = Pattern.compile(
            "\\$argon2id\\$v=19\\$m=(\\d{1,7}),t=(\\d{1,3}),p=(\\d{1,2})\\$([A-Za-z0-9+/]{11,64})\\$([A-Za-z0-9+/]{22,128})");
    private static final Base64.Encoder B64 = Base64.getEncoder().withoutPadding();
    private static final Base64.Decoder B64_DECODE = Base64.getDecoder();
    private static final int SALT_BYTES = 16;
    private static final int HASH_BYTES = 32;

    private final int memoryKib;
    private final int iterations;
    private final int parallelism;
    private final SecureRandom random = new SecureRandom();

    public Argon2idPasswordHasher(int memoryKib, int iterations, int parallelism) {
        if (memoryKib < 8 * parallelism || iterations < 1 || parallelism < 1) {
            throw new IllegalArgumentException("Argon2 needs m >= 8p, t >= 1, p >= 1");
        }
        this.memoryKib = memoryKib;
        this.iterations = iterations;
        this.parallelism = parallelism;
    }

    /** OWASP Password Storage Cheat Sheet: m = 19 MiB, t = 2, p = 1 (about 30-60 ms here). */
    public static Argon2idPasswordHasher recommended() {
        return new Argon2idPasswordHasher(19 * 1024, 2, 1);
    }

    @Override
    public String hash(Password password) {
        byte[] salt = new byte[SALT_BYTES];
        random.nextBytes(salt);
        byte[] hash = derive(password.value(), salt, memoryKib, iterations, parallelism, HASH_BYTES);
        return "$argon2id$v=19$m=" + memoryKib + ",t=" + iterations + ",p=" + parallelism + "$" + B64.encodeToString(salt)
                + "$" + B64.encodeToString(hash);
    }

    @Override
    public boolean matches(String attempt, String encodedHash) {
        if (attempt == null || encodedHash == null) {
            return false;
        }
        Matcher parts = ENCODED.matcher(encodedHash);
        if (!parts.matches()) {
            return false;
        }
        int memory = Integer.parseInt(parts.group(1));
        int time = Integer.parseInt(parts.group(2));
        int lanes = Integer.parseInt(parts.group(3));
        if (memory < 8 * lanes || time < 1 || lanes < 1) {
            return false;
        }
        byte[] salt;
        byte[] expected;
        try {
            salt = B64_DECODE.decode(parts.group(4));
            expected = B64_DECODE.decode(parts.group(5));
        } catch (IllegalArgumentException notBase64) {
            return false;
        }
        byte[] actual = derive(attempt, salt, memory, time, lanes, expected.length);
        return MessageDigest.isEqual(expected, actual);
    }

    private static byte[] derive(String password, byte[] salt, int memoryKib, int iterations, int lanes, int length) {
        Argon2BytesGenerator generator = new Argon2BytesGenerator();
        generator.init(new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
                .withVersion(Argon2Parameters.ARGON2_VERSION_13)
                .withMemoryAsKB(memoryKib)
                .withIterations(iterations)
                .withParallelism(lanes)
                .withSalt(salt)
                .build());
        byte[] out = new byte[length];
        generator.generateBytes(password.getBytes(StandardCharsets.UTF_8), out);
        return out;
    }
}
