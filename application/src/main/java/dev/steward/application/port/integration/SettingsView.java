package dev.steward.application.port.integration;

import dev.steward.domain.integration.MaskedSecret;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** An integration's connection values as they may be shown (API, dashboard): settings in clear, secrets masked. */
public record SettingsView(Map<String, String> settings, Map<String, MaskedSecret> secrets) {

    public static final SettingsView NONE = new SettingsView(Map.of(), Map.of());

    public SettingsView {
        // keep the caller's order (sorted by key) for stable JSON and pages
        settings = Collections.unmodifiableMap(new LinkedHashMap<>(settings));
        secrets = Collections.unmodifiableMap(new LinkedHashMap<>(secrets));
    }
}
