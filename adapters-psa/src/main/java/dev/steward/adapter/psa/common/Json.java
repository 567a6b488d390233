package dev.steward.adapter.psa.common;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.steward.application.problem.PortFailure;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;

/**
 * Reading and writing the PSAs' JSON. Field lookups ignore case, because the vendors mix camelCase and PascalCase
 * (THIRD-PARTY-APIS.md §0.6); unknown fields are ignored.
 */
public final class Json {

    public static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(MapperFeature.ACCEPT_CASE_INSENSITIVE_PROPERTIES)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private Json() {
    }

    /** @throws PortFailure (permanent) when the body is not JSON: the PSA answered something we cannot use */
    public static JsonNode parse(String port, String body) {
        try {
            JsonNode node = MAPPER.readTree(body == null ? "" : body);
            if (node == null || node.isMissingNode()) {
                throw PortFailure.permanent(port, port + " answered with an empty body where JSON was expected", null);
            }
            return node;
        } catch (JsonProcessingException e) {
            throw PortFailure.permanent(port, port + " answered with malformed JSON: " + e.getOriginalMessage(), e);
        }
    }

    public static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise a request body", e);
        }
    }

    /** The child named {@code name}, any case; missing node when absent. */
    public static JsonNode field(JsonNode node, String name) {
        if (node == null || !node.isObject()) {
            return com.fasterxml.jackson.databind.node.MissingNode.getInstance();
        }
        JsonNode exact = node.get(name);
        if (exact != null) {
            return exact;
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (e.getKey().equalsIgnoreCase(name)) {
                return e.getValue();
            }
        }
        return com.fasterxml.jackson.databind.node.MissingNode.getInstance();
    }

    /** Follows a path of field names, e.g. {@code text(ticket, "company", "id")}. */
    public static Optional<String> text(JsonNode node, String... path) {
        JsonNode current = node;
        for (String name : path) {
            current = field(current, name);
        }
        if (current.isMissingNode() || current.isNull() || current.isContainerNode()) {
            return Optional.empty();
        }
        return Optional.of(current.asText());
    }

    /** A required field: its absence means the PSA answered in a shape we do not understand. */
    public static String required(String port, JsonNode node, String... path) {
        return text(node, path).filter(s -> !s.isEmpty()).orElseThrow(() -> PortFailure.permanent(port,
                port + " answered without " + String.join(".", path), null));
    }

    public static boolean flag(JsonNode node, String... path) {
        return text(node, path).map(Boolean::parseBoolean).orElse(false);
    }

    /**
     * A timestamp in any of the forms the PSAs use: with an offset or {@code Z}, or without one (then UTC, as
     * THIRD-PARTY-APIS.md §0.4 says to assume).
     */
    public static Instant instant(String port, String text) {
        return instant(port, text, ZoneOffset.UTC);
    }

    /** The same, reading a time without an offset in {@code zone} (a PSA instance's own time zone setting). */
    public static Instant instant(String port, String text, java.time.ZoneId zone) {
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException withoutOffset) {
            try {
                return LocalDateTime.parse(text).atZone(zone).toInstant();
            } catch (DateTimeParseException e) {
                throw PortFailure.permanent(port, port + " answered with an unreadable time '" + text + "'", e);
            }
        }
    }
}
