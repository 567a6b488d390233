package dev.steward.bootstrap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A model behind an OpenAI-compatible {@code POST /v1/chat/completions} (THIRD-PARTY-APIS.md §6.1) that follows a
 * script chosen by a word of the ticket: one function call per answer, in order (counting the assistant turns that
 * asked for tools, so a call the reasoner sent back as unknown still counts), then a final JSON
 * answer with no plan. Whatever the model is sent is kept, to check what it was told.
 */
final class ScriptedChatModel implements ResponseDefinitionTransformerV2 {

    static final String KEY = "sk-e2e-script-77c1";

    /** One function call: the name as the model writes it (e.g. {@code m365__get-user}) and its JSON arguments. */
    record Call(String function, String arguments) {}

    private final Map<String, List<Call>> scripts = new ConcurrentHashMap<>();
    private final List<String> requestBodies = new CopyOnWriteArrayList<>();

    @Override
    public String getName() {
        return "scripted-chat-model";
    }

    @Override
    public boolean applyGlobally() {
        return false;
    }

    /** Tickets whose text contains {@code word} are answered with {@code calls}. */
    void script(String word, Call... calls) {
        scripts.put(word, List.of(calls));
    }

    /** The bodies of the requests whose conversation mentions {@code word}. */
    List<String> requestsAbout(String word) {
        return requestBodies.stream().filter(body -> body.contains(word)).toList();
    }

    @Override
    public ResponseDefinition transform(ServeEvent event) {
        if (!("Bearer " + KEY).equals(event.getRequest().getHeader("Authorization"))) {
            return answer(401, "{\"error\":{\"message\":\"Incorrect API key provided\",\"type\":"
                    + "\"invalid_request_error\",\"code\":\"invalid_api_key\"}}");
        }
        String body = event.getRequest().getBodyAsString();
        requestBodies.add(body);
        JsonNode request;
        try {
            request = StubPsa.JSON.readTree(body);
        } catch (IOException e) {
            return answer(400, "{\"error\":{\"message\":\"body is not JSON\",\"type\":\"invalid_request_error\"}}");
        }
        List<Call> calls = scripts.entrySet().stream().filter(s -> body.contains(s.getKey())).findFirst()
                .map(Map.Entry::getValue).orElse(List.of());
        int asked = 0;
        for (JsonNode message : request.path("messages")) {
            asked += message.path("role").asText().equals("assistant") && message.has("tool_calls") ? 1 : 0;
        }
        ObjectNode message = StubPsa.JSON.createObjectNode().put("role", "assistant");
        String finish;
        if (asked < calls.size()) {
            Call call = calls.get(asked);
            message.putNull("content").putArray("tool_calls").addObject().put("id", "call_" + asked)
                    .put("type", "function").putObject("function").put("name", call.function())
                    .put("arguments", call.arguments());
            finish = "tool_calls";
        } else {
            message.put("content", "{\"diagnosis\":\"Scripted diagnosis, nothing to change.\",\"plan\":[]}");
            finish = "stop";
        }
        ObjectNode completion = StubPsa.JSON.createObjectNode().put("id", "chatcmpl-script")
                .put("object", "chat.completion").put("created", 1795000000).put("model", request.path("model").asText());
        completion.putArray("choices").addObject().put("index", 0).put("finish_reason", finish).set("message", message);
        return answer(200, completion.toString());
    }

    private static ResponseDefinition answer(int status, String body) {
        return new ResponseDefinitionBuilder().withStatus(status).withHeader("Content-Type", "application/json")
                .withBody(body).build();
    }
}
