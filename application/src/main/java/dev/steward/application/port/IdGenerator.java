package dev.steward.application.port;

import dev.steward.application.spi.Stable;
import java.util.UUID;

/** New identities. Implementations should return time-ordered ids (UUIDv7) so that stores index them well. */
@Stable
public interface IdGenerator {

    UUID next();
}
