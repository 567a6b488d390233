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
 * script: one function call per answer, in order, then a final JSON answer. The step is the number of assistant turns
 * in the conversation that asked for a tool, so a call the reasoner sent back refused or unknown still counts. Every
 * ticket follows the model's own script unless its text contains a word {@link #script scripted} for it. Requests
 * without the expected bearer key get 401; whatever the model is sent is kept, to check what it was told.
 */
final class StubChatModel implements ResponseDefinitionTransformerV2 {

    static final String KEY = "sk-e2e-5be1d0c9";
    private static final String DANA = "{\"user\":\"dana@contoso.example\"}";
    private static final String NO_PLAN = "{\"diagnosis\":\"Scripted diagnosis, nothing to change.\",\"plan\":[]}";

    /** One function call: the name as the model writes it (e.g. {@code m365__get-user}) and its JSON arguments. */
    record Call(String function, String arguments) {}

    private record Script(List<Call> calls, String answer) {}

    private final Script everyTicket;
    private final Map<String, Script> byWord = new ConcurrentHashMap<>();
    private final List<String> requestBodies = new CopyOnWriteArrayList<>();

    /**
     * Diagnoses every ticket the same Microsoft 365 way: read the user, then ask for a password reset (a write tool: in
     * plan mode the gateway must refuse it), then list the recent failed sign-ins, then plan to revoke the sessions.
     */
    StubChatModel() {
        this(List.of(new Call("m365__get-user", DANA), new Call("m365__reset-password", DANA),
                new Call("m365__list-sign-ins", DANA)), "{\"diagnosis\":\"Dana's sign-in sessions are stale after "
                + "the MFA change.\",\"plan\":[{\"tool\":\"m365__revoke-sessions\",\"arguments\":" + DANA
                + ",\"reason\":\"clear the stale sessions\"}]}");
    }

    /** A model that asks for {@code calls} in turn, then answers {@code answer}. */
    StubChatModel(List<Call> calls, String answer) {
        this.everyTicket = new Script(List.copyOf(calls), answer);
    }

    /** A model that calls nothing unless {@link #script scripted} and answers with a diagnosis and no plan. */
    static StubChatModel scriptedOnly() {
        return new StubChatModel(List.of(), NO_PLAN);
    }

    @Override
    public String getName() {
        return "stub-chat-model";
    }

    @Override
    public boolean applyGlobally() {
        return false;
    }

    /** Tickets whose text contains {@code word} are answered with {@code calls}, then a diagnosis with no plan. */
    void script(String word, Call... calls) {
        byWord.put(word, new Script(List.of(calls), NO_PLAN));
    }

    List<String> requestBodies() {
        return List.copyOf(requestBodies);
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
        Script script = byWord.entrySet().stream().filter(s -> body.contains(s.getKey())).findFirst()
                .map(Map.Entry::getValue).orElse(everyTicket);
        int asked = 0;
        for (JsonNode message : request.path("messages")) {
            asked += message.path("role").asText().equals("assistant") && message.has("tool_calls") ? 1 : 0;
        }
        ObjectNode message = StubPsa.JSON.createObjectNode().put("role", "assistant");
        String finish;
        if (asked < script.calls().size()) {
            Call call = script.calls().get(asked);
            message.putNull("content").putArray("tool_calls").addObject().put("id", "call_" + asked)
                    .put("type", "function").putObject("function").put("name", call.function())
                    .put("arguments", call.arguments());
            finish = "tool_calls";
        } else {
            message.put("content", script.answer());
            finish = "stop";
        }
        ObjectNode completion = StubPsa.JSON.createObjectNode().put("id", "chatcmpl-e2e")
                .put("object", "chat.completion").put("created", 1795000000).put("model", request.path("model").asText());
        completion.putArray("choices").addObject().put("index", 0).put("finish_reason", finish).set("message", message);
        // as real servers do, so token booking is exercised
        completion.putObject("usage").put("prompt_tokens", 120).put("completion_tokens", 30).put("total_tokens", 150);
        return answer(200, completion.toString());
    }

    private static ResponseDefinition answer(int status, String body) {
        return new ResponseDefinitionBuilder().withStatus(status).withHeader("Content-Type", "application/json")
                .withBody(body).build();
    }
}
