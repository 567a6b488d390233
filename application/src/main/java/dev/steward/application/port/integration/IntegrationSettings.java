package dev.steward.application.port.integration;

import dev.steward.domain.integration.MaskedSecret;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * An integration's connection values in clear: plain settings (an API base URL, a company id) and secrets (keys,
 * passwords). Only the adapter that connects the integration ever gets one of these; {@link #toString()} never shows
 * a secret, so one that reaches a log line stays hidden.
 */
public record IntegrationSettings(Map<String, String> settings, Map<String, String> secrets) {

    public IntegrationSettings {
        settings = Map.copyOf(settings);
        secrets = Map.copyOf(secrets);
    }

    /** Settings and secrets in one map, as an adapter reads them. */
    public Map<String, String> all() {
        Map<String, String> all = new LinkedHashMap<>(settings);
        all.putAll(secrets);
        return all;
    }

    /** What may be shown: the plain settings, each secret masked. */
    public SettingsView view() {
        Map<String, MaskedSecret> masked = new TreeMap<>();
        secrets.forEach((key, value) -> masked.put(key, MaskedSecret.of(value)));
        return new SettingsView(new TreeMap<>(settings), masked);
    }

    @Override
    public String toString() {
        return "IntegrationSettings[settings=" + settings + ", secrets=" + new TreeMap<>(secrets).keySet() + "]";
    }
}
