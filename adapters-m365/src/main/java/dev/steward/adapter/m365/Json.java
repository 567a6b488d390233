package dev.steward.adapter.m365;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.steward.application.problem.PortFailure;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Reading and writing the JSON of Graph and the token endpoint. */
final class Json {

    static final ObjectMapper MAPPER = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

    private Json() {
    }

    static ObjectNode object() {
        return MAPPER.createObjectNode();
    }

    /** @throws PortFailure (permanent) when Microsoft answered something that is not JSON */
    static JsonNode parse(String body) {
        if (body == null || body.isBlank()) {
            return MAPPER.missingNode();
        }
        try {
            return MAPPER.readTree(body);
        } catch (JsonProcessingException e) {
            throw PortFailure.permanent(Graph.PORT, "Microsoft answered with malformed JSON", null);
        }
    }

    /** Parses leniently: an error body that is not JSON is read as no body. */
    static JsonNode parseOrMissing(String body) {
        try {
            return body == null || body.isBlank() ? MAPPER.missingNode() : MAPPER.readTree(body);
        } catch (JsonProcessingException e) {
            return MAPPER.missingNode();
        }
    }

    static String write(JsonNode node) {
        try {
            return MAPPER.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise a request body", e);
        }
    }

    /** A text field; empty when absent, null or not text-like. */
    static Optional<String> text(JsonNode node, String... path) {
        JsonNode current = node;
        for (String name : path) {
            current = current == null ? null : current.get(name);
        }
        if (current == null || current.isNull() || current.isMissingNode() || current.isContainerNode()) {
            return Optional.empty();
        }
        return Optional.of(current.asText());
    }

    static String textOr(JsonNode node, String fallback, String... path) {
        return text(node, path).orElse(fallback);
    }

    /** The elements of an array field ({@code value} of a Graph collection, for instance); empty when absent. */
    static List<JsonNode> elements(JsonNode node, String field) {
        List<JsonNode> list = new ArrayList<>();
        JsonNode array = node == null ? null : node.get(field);
        if (array != null && array.isArray()) {
            array.forEach(list::add);
        }
        return list;
    }
}
