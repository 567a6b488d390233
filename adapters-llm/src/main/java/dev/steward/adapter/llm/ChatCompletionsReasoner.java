package dev.steward.adapter.llm;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.steward.application.port.agent.ControlPlane;
import dev.steward.application.port.reasoning.Reasoner;
import dev.steward.application.port.reasoning.ReasonerStep;
import dev.steward.application.port.reasoning.ReasoningContext;
import dev.steward.application.problem.PortFailure;
import dev.steward.domain.integration.Tool;
import java.net.http.HttpClient;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A language model behind an OpenAI-compatible {@code /chat/completions} endpoint (OpenAI, Azure OpenAI, Ollama,
 * vLLM, llama.cpp) as an agent's {@link Reasoner}: one request per step, carrying the whole session so far (the server
 * keeps no state). It executes nothing; the agent loop runs the tools it asks for through the tool gateway. In an
 * agent ({@link #throughControlPlane}) each completion goes to the control plane's model route, which adds the key the
 * agent never holds and counts the tokens.
 */
public final class ChatCompletionsReasoner implements Reasoner {

    private static final Logger LOG = LoggerFactory.getLogger(ChatCompletionsReasoner.class);
    static final ObjectMapper JSON = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

    /** Where a completion goes: the model server itself, or the control plane's model route. */
    @FunctionalInterface
    interface Completions {
        JsonNode complete(UUID session, String body);
    }

    private final String model;
    private final Completions completions;

    private ChatCompletionsReasoner(String model, Completions completions) {
        this.model = model;
        this.completions = completions;
    }

    /** An agent's reasoner: completions of {@code model} through the control plane. */
    public static ChatCompletionsReasoner throughControlPlane(ControlPlane controlPlane, String model) {
        return new ChatCompletionsReasoner(model, (session, body) -> parse(controlPlane.model(session, body)));
    }

    /** Straight to the model server with the key (the control plane's side, and tests of the wire format). */
    ChatCompletionsReasoner(LlmSettings settings, HttpClient client, Pause pause) {
        this(settings.model(), direct(new ChatHttp(client, settings, pause, JSON)));
    }

    private static Completions direct(ChatHttp http) {
        return (session, body) -> http.complete(body);
    }

    /**
     * One completion, and when the model made a mistake it can fix (a tool outside the catalog, broken arguments),
     * a second one that shows it what was wrong; a second mistake fails the step.
     */
    @Override
    public ReasonerStep next(ReasoningContext context) {
        ChatAnswer answer = new ChatAnswer(JSON, FunctionNames.of(context.catalog().stream().map(Tool::name).toList()),
                context.workflows());
        UUID session = context.request().session();
        try {
            return answer.step(completions.complete(session, ChatRequest.body(JSON, model, context)));
        } catch (ModelMistake first) {
            LOG.info("the model's answer could not be used ({}); telling it and asking once more", first.getMessage());
            try {
                return answer.step(completions.complete(session, ChatRequest.body(JSON, model, context,
                        Optional.of(first))));
            } catch (ModelMistake again) {
                throw PortFailure.permanent(ChatHttp.PORT, again.getMessage() + " (again after being told: "
                        + first.getMessage() + ")", null);
            }
        }
    }

    private static JsonNode parse(String answer) {
        try {
            JsonNode node = JSON.readTree(answer == null ? "" : answer);
            if (node == null || !node.isObject()) {
                throw PortFailure.permanent(ChatHttp.PORT, "the model's answer is not a JSON object", null);
            }
            return node;
        } catch (JsonProcessingException e) {
            throw PortFailure.permanent(ChatHttp.PORT, "the model's answer is malformed JSON", null);
        }
    }
}
