package dev.steward.adapter.web.agentgateway;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * Body of {@code POST /agent/v1/sessions/{session}/tool-calls}. {@code arguments} is a JSON object; a value that is
 * not a string travels as its JSON text. {@code phase} is {@code diagnosis} or {@code execution}; {@code approval}
 * (execution only) runs the call a technician approved, with the arguments kept with the approval.
 */
public record ToolCallJson(String step, String phase, String tool, Map<String, JsonNode> arguments, String reason,
                           UUID approval) {

    /** Arguments as the tools take them: strings, other JSON values as their text. */
    Map<String, String> textArguments() {
        Map<String, String> out = new LinkedHashMap<>();
        if (arguments != null) {
            arguments.forEach((k, v) -> out.put(k, v == null || v.isNull() ? null : v.isTextual() ? v.asText()
                    : v.toString()));
        }
        return out;
    }
}
