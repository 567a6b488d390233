package dev.steward.adapter.m365;

import com.fasterxml.jackson.databind.JsonNode;
import dev.steward.domain.problem.InvalidValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A tool call's arguments, read by name. The gateway has already checked them against the tool's input schema;
 * these readers check again (a provider may be called by an embedder without the gateway) and each problem names
 * {@code arguments.<name>}, so nothing malformed ever reaches Graph.
 */
final class Arguments {

    /** A user principal name (guest UPNs with {@code #EXT#} included) or an object id. */
    static final String USER_PATTERN = "[A-Za-z0-9!#$%&'*+=?^_`{|}~.-]{1,113}@[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?"
            + "(\\.[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+"
            + "|[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}";
    static final Pattern USER = Pattern.compile(USER_PATTERN);
    /** A group: its object id or its display name (no control characters, at most 256 characters). */
    static final int MAX_GROUP = 256;
    /** A licence: its SKU part number (e.g. {@code SPE_E3}) or its SKU id. */
    static final String LICENCE_PATTERN = "[A-Za-z0-9_.+-]{1,64}";

    private final Map<String, String> values;

    Arguments(Map<String, String> values) {
        this.values = Map.copyOf(values);
    }

    /** A required user (UPN or object id). */
    String user(String name) {
        String value = required(name);
        if (!USER.matcher(value).matches()) {
            throw InvalidValue.of(field(name), "malformed",
                    "must be a user principal name such as dana@contoso.com, or a user's object id");
        }
        return value;
    }

    String required(String name) {
        String value = values.get(name);
        if (value == null || value.isBlank()) {
            throw InvalidValue.of(field(name), "required", "is required");
        }
        return value.strip();
    }

    Optional<String> optional(String name) {
        String value = values.get(name);
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.strip());
    }

    int integer(String name, int fallback, int min, int max) {
        Optional<String> text = optional(name);
        if (text.isEmpty()) {
            return fallback;
        }
        int value;
        try {
            value = Integer.parseInt(text.get());
        } catch (NumberFormatException e) {
            throw InvalidValue.of(field(name), "wrong-type", "must be a whole number");
        }
        if (value < min || value > max) {
            throw InvalidValue.of(field(name), "out-of-range", "must be between " + min + " and " + max);
        }
        return value;
    }

    boolean flag(String name, boolean fallback) {
        Optional<String> text = optional(name);
        if (text.isEmpty()) {
            return fallback;
        }
        return switch (text.get().toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw InvalidValue.of(field(name), "wrong-type", "must be true or false");
        };
    }

    /** A JSON array of strings, e.g. {@code ["Sales","VPN users"]}; empty when not given. */
    List<String> list(String name, int maxItems) {
        Optional<String> text = optional(name);
        if (text.isEmpty()) {
            return List.of();
        }
        JsonNode node = Json.parseOrMissing(text.get());
        if (!node.isArray()) {
            throw InvalidValue.of(field(name), "wrong-type", "must be a JSON array of names, e.g. [\"Sales\"]");
        }
        if (node.size() > maxItems) {
            throw InvalidValue.of(field(name), "too-many", "must list at most " + maxItems);
        }
        List<String> items = new ArrayList<>();
        for (JsonNode item : node) {
            if (!item.isTextual() || item.asText().isBlank()) {
                throw InvalidValue.of(field(name), "wrong-type", "must hold only non-empty strings");
            }
            items.add(item.asText().strip());
        }
        return List.copyOf(items);
    }

    static String field(String name) {
        return "arguments." + name;
    }
}
