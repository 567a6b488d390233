package dev.steward.application.port.reasoning;

import dev.steward.application.problem.InvalidCommand;
import dev.steward.application.problem.PortFailure;
import dev.steward.domain.usage.TokenCount;
import java.util.Objects;

/**
 * The language model behind the model-based reasoner, as the control plane calls it for its agents: with the key it
 * alone holds. Requests and answers are OpenAI chat-completions documents, passed through as text. Rules
 * ({@code LanguageModelContract}): the request's {@code model} is always the configured one (an agent cannot pick
 * another); the answer comes back as the server sent it, with the tokens its {@code usage} reports; the key never
 * appears in an answer, an error or a log.
 */
public interface LanguageModel {

    record ModelAnswer(String body, TokenCount tokens) {
        public ModelAnswer {
            Objects.requireNonNull(body, "body");
            Objects.requireNonNull(tokens, "tokens");
        }
    }

    /** The model every request is sent to. */
    String model();

    /**
     * @throws InvalidCommand ({@code body}) if the request is not a JSON object
     * @throws PortFailure retryable when the model server is unreachable, throttles or fails; permanent when it
     *     refuses the key or the request
     */
    ModelAnswer complete(String request);
}
