package dev.steward.application.spi;

import dev.steward.application.stability.Stable;

/**
 * The major version of the provider SPI. A provider built against another major is refused at startup, since a
 * breaking change to a {@link Stable} type is what raises it.
 */
@Stable
public final class SpiVersion {

    public static final int MAJOR = 1;

    private SpiVersion() {
    }
}
