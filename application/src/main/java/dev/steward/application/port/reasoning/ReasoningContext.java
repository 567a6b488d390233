package dev.steward.application.port.reasoning;

import dev.steward.domain.integration.Tool;
import dev.steward.domain.prompt.ComposedPrompt;
import dev.steward.domain.workflow.Workflow;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything a {@link Reasoner} may use to choose the next step: the composed three-tier prompt, the request, the
 * tools the agent may ask for (disabled tools are left out), the integration kind of the client's PSA among them (its
 * catalog declares it a PSA; a workflow's {@code psa:<tool>} is that kind's tool), the calls made so far in this
 * session, and the workflows in force for the request's client (active, in scope, by precedence: the domain's
 * {@code WorkflowCatalog}).
 */
public record ReasoningContext(ComposedPrompt prompt, AgentRequest request, List<Tool> catalog, Optional<String> psa,
                               List<TranscriptItem> transcript, List<Workflow> workflows) {

    public ReasoningContext {
        Objects.requireNonNull(prompt, "prompt");
        Objects.requireNonNull(request, "request");
        catalog = List.copyOf(catalog);
        Objects.requireNonNull(psa, "psa");
        transcript = List.copyOf(transcript);
        workflows = List.copyOf(workflows);
    }

    /** With no PSA among the tools and only the built-in workflows in force, as for a client whose MSP wrote none. */
    public ReasoningContext(ComposedPrompt prompt, AgentRequest request, List<Tool> catalog,
                            List<TranscriptItem> transcript) {
        this(prompt, request, catalog, Optional.empty(), transcript, BuiltInWorkflows.all());
    }

    /** With only the built-in workflows in force. */
    public ReasoningContext(ComposedPrompt prompt, AgentRequest request, List<Tool> catalog, Optional<String> psa,
                            List<TranscriptItem> transcript) {
        this(prompt, request, catalog, psa, transcript, BuiltInWorkflows.all());
    }

    /** With no PSA among the tools. */
    public ReasoningContext(ComposedPrompt prompt, AgentRequest request, List<Tool> catalog,
                            List<TranscriptItem> transcript, List<Workflow> workflows) {
        this(prompt, request, catalog, Optional.empty(), transcript, workflows);
    }
}
