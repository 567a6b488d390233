package dev.steward.adapter.docs;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** Small helpers for reading the platforms' JSON and building their queries. */
final class Json {

    private Json() {
    }

    /** A field as text: a number's digits, a string as it is, empty when missing or null. */
    static String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isMissingNode() || value.isNull() ? "" : value.asText("");
    }

    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /** Whether {@code id} can be a platform's numeric id (both platforms number their records). */
    static boolean isId(String id) {
        return id != null && id.matches("[1-9][0-9]{0,18}");
    }
}
