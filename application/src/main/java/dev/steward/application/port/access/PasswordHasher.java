package dev.steward.application.port.access;

import dev.steward.application.stability.Stable;
import dev.steward.domain.user.Password;

/**
 * Hashes users' passwords with a slow, salted, vetted algorithm and checks attempts against a stored hash. The
 * encoded hash carries its own parameters, so stored hashes stay checkable when the cost is raised.
 * ({@code PasswordHasherContract}.)
 */
@Stable
public interface PasswordHasher {

    /** A new salted hash, encoded as text for the store. */
    String hash(Password password);

    /** Whether {@code attempt} is the password of {@code encodedHash}; {@code false} for a malformed hash. */
    boolean matches(String attempt, String encodedHash);
}
