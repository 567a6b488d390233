package dev.steward.adapter.web.http;

import dev.steward.domain.approval.UserRole;
import java.util.Objects;

/** Who is acting: the name recorded on what they decide (e.g. an approval) and their role in the MSP. */
public record SignedInUser(String name, UserRole role) {

    public SignedInUser {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a user has a name");
        }
        Objects.requireNonNull(role, "role");
    }
}
