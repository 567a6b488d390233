package dev.steward.adapter.llm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A model behind {@code POST /v1/chat/completions} that follows the protocol the way a well-behaved model does: it
 * reads the {@code tools} and the conversation, calls each read-only tool it has not called yet (at most
 * {@link #MAX_CHECKS}, one per answer, arguments as a JSON string), then finishes with the JSON answer Steward's
 * instructions ask for, planning the first tool that changes something. Answers in the OpenAI shape, with
 * {@code finish_reason} and {@code usage}.
 */
final class FakeChatModel implements ResponseDefinitionTransformerV2 {

    static final int MAX_CHECKS = 2;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final List<JsonNode> requests = new ArrayList<>();

    @Override
    public String getName() {
        return "fake-chat-model";
    }

    @Override
    public boolean applyGlobally() {
        return false;
    }

    synchronized List<JsonNode> requests() {
        return List.copyOf(requests);
    }

    @Override
    public synchronized ResponseDefinition transform(ServeEvent event) {
        JsonNode request;
        try {
            request = JSON.readTree(event.getRequest().getBodyAsString());
        } catch (IOException e) {
            return answer(400, "{\"error\":{\"message\":\"body is not JSON\",\"type\":\"invalid_request_error\"}}");
        }
        requests.add(request);
        Set<String> called = new HashSet<>();
        for (JsonNode message : request.path("messages")) {
            message.path("tool_calls").forEach(call -> called.add(call.path("function").path("name").asText()));
        }
        String readOnly = null;
        String write = null;
        for (JsonNode tool : request.path("tools")) {
            String name = tool.path("function").path("name").asText();
            boolean isReadOnly = tool.path("function").path("description").asText().contains("Read-only");
            if (isReadOnly && readOnly == null && !called.contains(name) && called.size() < MAX_CHECKS) {
                readOnly = name;
            }
            if (!isReadOnly && write == null) {
                write = name;
            }
        }
        ObjectNode message = JSON.createObjectNode().put("role", "assistant");
        String finish;
        if (readOnly != null) {
            message.putNull("content").putArray("tool_calls").addObject().put("id", "call_" + requests.size())
                    .put("type", "function").putObject("function").put("name", readOnly)
                    .put("arguments", "{\"user\":\"dana@contoso.example\"}");
            finish = "tool_calls";
        } else {
            ObjectNode result = JSON.createObjectNode()
                    .put("diagnosis", "Checked " + called.size() + " thing(s); the sign-in token looks stale.");
            if (write != null) {
                result.putArray("plan").addObject().put("tool", write).put("reason", "fixes it")
                        .putObject("arguments").put("user", "dana@contoso.example");
            }
            message.put("content", result.toString());
            finish = "stop";
        }
        ObjectNode body = JSON.createObjectNode().put("id", "chatcmpl-" + requests.size())
                .put("object", "chat.completion").put("created", 1795000000)
                .put("model", request.path("model").asText());
        body.putArray("choices").addObject().put("index", 0).put("finish_reason", finish).set("message", message);
        body.putObject("usage").put("prompt_tokens", 812).put("completion_tokens", 31).put("total_tokens", 843);
        return answer(200, body.toString());
    }

    private static ResponseDefinition answer(int status, String body) {
        return new ResponseDefinitionBuilder().withStatus(status).withHeader("Content-Type", "application/json")
                .withBody(body).build();
    }
}
