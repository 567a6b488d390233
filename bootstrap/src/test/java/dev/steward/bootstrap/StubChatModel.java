package dev.steward.bootstrap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A model behind an OpenAI-compatible {@code POST /v1/chat/completions} (THIRD-PARTY-APIS.md §6.1) that diagnoses
 * every ticket the same way, one step per answer, counting the {@code tool} results in the conversation: read the
 * user, then ask for a password reset (a write tool: in plan mode the gateway must refuse it), then list the recent
 * failed sign-ins, then finish with the JSON answer Steward asks for. Requests without the expected bearer key get 401.
 */
final class StubChatModel implements ResponseDefinitionTransformerV2 {

    static final String KEY = "sk-e2e-5be1d0c9";
    private static final String DANA = "{\"user\":\"dana@contoso.example\"}";

    /** One function call the model asks for, its arguments as JSON text. */
    record Call(String function, String arguments) {
    }

    private final List<Call> calls;
    private final String answer;
    private final List<String> requestBodies = new CopyOnWriteArrayList<>();

    /** The Microsoft 365 diagnosis described above. */
    StubChatModel() {
        this(List.of(new Call("m365__get-user", DANA), new Call("m365__reset-password", DANA),
                new Call("m365__list-sign-ins", DANA)), "{\"diagnosis\":\"Dana's sign-in sessions are stale after "
                + "the MFA change.\",\"plan\":[{\"tool\":\"m365__revoke-sessions\",\"arguments\":" + DANA
                + ",\"reason\":\"clear the stale sessions\"}]}");
    }

    /** A model that asks for {@code calls} in turn, then answers {@code answer}. */
    StubChatModel(List<Call> calls, String answer) {
        this.calls = List.copyOf(calls);
        this.answer = answer;
    }

    @Override
    public String getName() {
        return "stub-chat-model";
    }

    @Override
    public boolean applyGlobally() {
        return false;
    }

    List<String> requestBodies() {
        return List.copyOf(requestBodies);
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
        int results = 0;
        for (JsonNode message : request.path("messages")) {
            results += message.path("role").asText().equals("tool") ? 1 : 0;
        }
        ObjectNode message = StubPsa.JSON.createObjectNode().put("role", "assistant");
        String finish;
        if (results < calls.size()) {
            message.putNull("content").putArray("tool_calls").addObject().put("id", "call_" + results)
                    .put("type", "function").putObject("function").put("name", calls.get(results).function())
                    .put("arguments", calls.get(results).arguments());
            finish = "tool_calls";
        } else {
            message.put("content", answer);
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
