package dev.steward.application.port;

import dev.steward.domain.integration.Tool;
import dev.steward.domain.prompt.ComposedPrompt;
import java.util.List;
import java.util.Objects;

/**
 * Everything a {@link Reasoner} may use to choose the next step: the composed three-tier prompt, the request, the
 * tools the agent may ask for (disabled tools are left out), and the calls made so far in this session.
 */
public record ReasoningContext(ComposedPrompt prompt, AgentRequest request, List<Tool> catalog,
                               List<TranscriptItem> transcript) {

    public ReasoningContext {
        Objects.requireNonNull(prompt, "prompt");
        Objects.requireNonNull(request, "request");
        catalog = List.copyOf(catalog);
        transcript = List.copyOf(transcript);
    }
}
