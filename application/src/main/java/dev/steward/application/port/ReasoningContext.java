package dev.steward.application.port;

import dev.steward.domain.integration.Tool;
import dev.steward.domain.prompt.ComposedPrompt;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything a {@link Reasoner} may use to choose the next step: the composed three-tier prompt, the request, the
 * tools the agent may ask for (disabled tools are left out), the integration kind of the client's PSA among them (its
 * catalog declares it a PSA; a runbook's {@code psa:<tool>} is that kind's tool), and the calls made so far in this
 * session.
 */
public record ReasoningContext(ComposedPrompt prompt, AgentRequest request, List<Tool> catalog, Optional<String> psa,
                               List<TranscriptItem> transcript) {

    public ReasoningContext {
        Objects.requireNonNull(prompt, "prompt");
        Objects.requireNonNull(request, "request");
        catalog = List.copyOf(catalog);
        Objects.requireNonNull(psa, "psa");
        transcript = List.copyOf(transcript);
    }

    /** A context whose tools include no PSA's. */
    public ReasoningContext(ComposedPrompt prompt, AgentRequest request, List<Tool> catalog,
                            List<TranscriptItem> transcript) {
        this(prompt, request, catalog, Optional.empty(), transcript);
    }
}
