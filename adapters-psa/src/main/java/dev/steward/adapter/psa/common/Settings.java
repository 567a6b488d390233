package dev.steward.adapter.psa.common;

import dev.steward.domain.problem.InvalidValue;
import java.net.URI;
import java.util.Map;
import java.util.Optional;

/** Reads an integration's settings map; every failure names the key, never the value. */
public record Settings(Map<String, String> values) {

    public Settings {
        values = Map.copyOf(values);
    }

    public String required(String key) {
        String value = values.get(key);
        if (value == null || value.isBlank()) {
            throw InvalidValue.of("settings." + key, "required", "is required");
        }
        return value.strip();
    }

    public Optional<String> optional(String key) {
        return Optional.ofNullable(values.get(key)).map(String::strip).filter(s -> !s.isEmpty());
    }

    public Secret secret(String key) {
        return Secret.of(key, required(key));
    }

    public URI uri(String key) {
        String text = required(key);
        try {
            URI uri = URI.create(text);
            if (!"https".equals(uri.getScheme()) && !"http".equals(uri.getScheme())) {
                throw InvalidValue.of("settings." + key, "malformed", "must be an http(s) URL");
            }
            return uri;
        } catch (IllegalArgumentException e) {
            throw InvalidValue.of("settings." + key, "malformed", "must be an http(s) URL");
        }
    }

    public int number(String key, int fallback) {
        Optional<String> text = optional(key);
        if (text.isEmpty()) {
            return fallback;
        }
        try {
            return Integer.parseInt(text.get());
        } catch (NumberFormatException e) {
            throw InvalidValue.of("settings." + key, "malformed", "must be a whole number");
        }
    }
}
