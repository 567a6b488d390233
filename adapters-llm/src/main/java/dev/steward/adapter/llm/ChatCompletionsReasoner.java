package dev.steward.adapter.llm;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.steward.application.port.Reasoner;
import dev.steward.application.port.ReasonerStep;
import dev.steward.application.port.ReasoningContext;
import dev.steward.application.problem.PortFailure;
import dev.steward.domain.integration.Tool;
import jakarta.inject.Inject;
import java.net.http.HttpClient;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A language model behind an OpenAI-compatible {@code /chat/completions} endpoint (OpenAI, Azure OpenAI, Ollama,
 * vLLM, llama.cpp) as the agent's {@link dev.steward.application.port.Reasoner}: one request per step, carrying the
 * whole session so far (the server keeps no state). It executes nothing; the agent loop runs the tools it asks for
 * through the tool gateway.
 */
public final class ChatCompletionsReasoner implements Reasoner {

    private static final Logger LOG = LoggerFactory.getLogger(ChatCompletionsReasoner.class);
    private static final ObjectMapper JSON = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

    private final LlmSettings settings;
    private final ChatHttp http;

    /** With its own HTTP client; bind it as a singleton so connections to the model server are pooled. */
    @Inject
    public ChatCompletionsReasoner(LlmSettings settings) {
        this(settings, ChatHttp.defaultClient(), Pause.REAL);
    }

    ChatCompletionsReasoner(LlmSettings settings, HttpClient client, Pause pause) {
        this.settings = settings;
        this.http = new ChatHttp(client, settings, pause, JSON);
    }

    /**
     * One completion, and when the model made a mistake it can fix (a tool outside the catalog, broken arguments),
     * a second one that shows it what was wrong; a second mistake fails the step.
     */
    @Override
    public ReasonerStep next(ReasoningContext context) {
        ChatAnswer answer = new ChatAnswer(JSON, FunctionNames.of(context.catalog().stream().map(Tool::name).toList()));
        try {
            return answer.step(http.complete(ChatRequest.body(JSON, settings.model(), context)));
        } catch (ModelMistake first) {
            LOG.info("the model's answer could not be used ({}); telling it and asking once more", first.getMessage());
            try {
                return answer.step(http.complete(ChatRequest.body(JSON, settings.model(), context, Optional.of(first))));
            } catch (ModelMistake again) {
                throw PortFailure.permanent(ChatHttp.PORT, again.getMessage() + " (again after being told: "
                        + first.getMessage() + ")", null);
            }
        }
    }
}
