package dev.steward.domain.operator;

import dev.steward.domain.text.VisibleText;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * Someone who runs the installation's MSPs (a hosting company embedding Steward, or the MSP's own IT): creates,
 * lists, suspends and resumes MSPs and creates each MSP's first admin. An operator belongs to no MSP and reads nothing
 * inside one. Its credential is created with the CLI and kept only hashed; {@code name} says whose it is.
 */
public record Operator(UUID id, String name, Instant createdAt, Optional<Instant> revokedAt) {

    public static final int MAX_NAME = 100;

    public Operator {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(revokedAt, "revokedAt");
        name = checkedName(name);
    }

    /** @throws dev.steward.domain.problem.InvalidValue ({@code name}) if blank, too long or invisible characters */
    public static String checkedName(String name) {
        return VisibleText.name("name", name, MAX_NAME);
    }

    public boolean active() {
        return revokedAt.isEmpty();
    }
}
