package dev.steward.adapter.psa.common;

import dev.steward.domain.problem.InvalidValue;
import dev.steward.application.spi.ProviderContext;
import java.net.URI;
import java.util.Map;
import java.util.Optional;

/**
 * Reads an integration's settings map; every failure names the key, never the value. URLs are checked by the
 * provider context's one rule for base URLs (https, http only to loopback unless the installation allows it).
 */
public record Settings(Map<String, String> values, ProviderContext context) {

    public Settings {
        values = Map.copyOf(values);
        java.util.Objects.requireNonNull(context, "context");
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
        String url = context.baseUrl("settings." + key, required(key));
        try {
            return URI.create(url);
        } catch (IllegalArgumentException e) {
            throw InvalidValue.of("settings." + key, "malformed", "must be an https URL");
        }
    }

    public boolean flag(String key, boolean fallback) {
        Optional<String> text = optional(key);
        if (text.isEmpty()) {
            return fallback;
        }
        return switch (text.get().toLowerCase(java.util.Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw InvalidValue.of("settings." + key, "malformed", "must be true or false");
        };
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
