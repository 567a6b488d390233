package dev.steward.adapter.llm;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.steward.application.port.reasoning.LanguageModel;
import dev.steward.application.problem.FieldViolation;
import dev.steward.application.problem.InvalidCommand;
import dev.steward.domain.usage.TokenCount;
import jakarta.inject.Inject;
import java.net.http.HttpClient;
import java.util.List;

/**
 * The control plane's model, for its agents: an agent's chat-completions request, with the configured model put in
 * and the key added ({@link ChatHttp}: retries while the server throttles or fails), and the answer with the tokens
 * its {@code usage} reports ({@code prompt_tokens} in, {@code completion_tokens} out; a server that reports none
 * counts 0).
 */
public final class ChatCompletionsModel implements LanguageModel {

    private final LlmSettings settings;
    private final ChatHttp http;

    /** With its own HTTP client; bind it as a singleton so connections to the model server are pooled. */
    @Inject
    public ChatCompletionsModel(LlmSettings settings) {
        this(settings, ChatHttp.defaultClient(), Pause.REAL);
    }

    ChatCompletionsModel(LlmSettings settings, HttpClient client, Pause pause) {
        this.settings = settings;
        this.http = new ChatHttp(client, settings, pause, ChatCompletionsReasoner.JSON);
    }

    @Override
    public String model() {
        return settings.model();
    }

    @Override
    public ModelAnswer complete(String request) {
        JsonNode parsed;
        try {
            parsed = ChatCompletionsReasoner.JSON.readTree(request == null ? "" : request);
        } catch (JsonProcessingException e) {
            parsed = null;
        }
        if (!(parsed instanceof ObjectNode body)) {
            throw new InvalidCommand(List.of(new FieldViolation("body", "body.not-json",
                    "must be a chat-completions request: one JSON object")));
        }
        body.put("model", settings.model());
        JsonNode answer = http.complete(body.toString());
        JsonNode usage = answer.path("usage");
        return new ModelAnswer(answer.toString(), new TokenCount(Math.max(0, usage.path("prompt_tokens").asLong(0)),
                Math.max(0, usage.path("completion_tokens").asLong(0))));
    }
}
