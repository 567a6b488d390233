package dev.steward.adapter.web.api;

import dev.steward.domain.user.User;
import java.time.Instant;

/** A user of the MSP as an admin sees it: never the password or its hash. */
public record UserJson(String id, String email, String role, boolean active, Instant createdAt, Instant disabledAt) {

    public static UserJson from(User user) {
        return new UserJson(user.id().toString(), user.email().value(), user.role().label(), user.active(),
                user.createdAt(), user.disabledAt().orElse(null));
    }
}
