package dev.steward.application.port;

import java.util.UUID;

/** New identities. Implementations should return time-ordered ids (UUIDv7) so that stores index them well. */
public interface IdGenerator {

    UUID next();
}
