package dev.steward.application.signin;

import dev.steward.application.port.access.PasswordHasher;
import dev.steward.application.security.SecretTokens;
import dev.steward.domain.user.Password;

/** A fast stand-in for the slow Argon2id hasher of the web adapter, so that service tests stay quick. */
final class SaltedSha256Hasher implements PasswordHasher {

    @Override
    public String hash(Password password) {
        String salt = SecretTokens.newToken("");
        return "sha$" + salt + "$" + SecretTokens.hash(salt + password.value());
    }

    @Override
    public boolean matches(String attempt, String encodedHash) {
        String[] parts = encodedHash.split("\\$");
        return parts.length == 3 && parts[0].equals("sha")
                && SecretTokens.same(parts[2], SecretTokens.hash(parts[1] + attempt));
    }
}
