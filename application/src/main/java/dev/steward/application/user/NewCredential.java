package dev.steward.application.user;

import dev.steward.domain.user.User;
import java.time.Instant;
import java.util.Optional;

/**
 * What an admin hands to a user whose account was just added or whose password was reset: a generated password, or
 * the secret of a one-time set-password link and when it expires. Shown once, in this answer only; never printed.
 */
public record NewCredential(User user, Optional<String> password, Optional<String> linkSecret,
                            Optional<Instant> linkExpiresAt) {

    @Override
    public String toString() {
        return "NewCredential[" + user + (password.isPresent() ? ", password" : ", link") + "]";
    }
}
