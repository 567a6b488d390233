package dev.steward.application.port.store;

import dev.steward.application.stability.Stable;
import java.util.UUID;

/** New identities. Implementations should return time-ordered ids (UUIDv7) so that stores index them well. */
@Stable
public interface IdGenerator {

    UUID next();
}
