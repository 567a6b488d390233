package dev.steward.adapter.psa.common;

import dev.steward.application.spi.Directory;
import dev.steward.application.spi.IntegrationProvider;
import java.util.Map;

/** A PSA's company directory, connected through its provider against a stub. */
public final class PsaDirectories {

    private PsaDirectories() {
    }

    public static Directory of(IntegrationProvider provider, Map<String, String> settings,
                               Map<String, String> secrets) {
        LivePsa psa = LivePsa.connect(provider, settings, secrets);
        return psa.live().connection(psa.integration().id()).orElseThrow().directory().orElseThrow();
    }
}
