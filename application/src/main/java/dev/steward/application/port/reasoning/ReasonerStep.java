package dev.steward.application.port.reasoning;

import dev.steward.domain.integration.ToolName;
import dev.steward.domain.workflow.AppliedWorkflow;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** What a {@link Reasoner} wants next: call one tool, or finish with a diagnosis and a plan. */
public sealed interface ReasonerStep {

    /** Call {@code tool} with {@code arguments}; the result comes back in the next context's transcript. */
    record CallTool(ToolName tool, Map<String, String> arguments) implements ReasonerStep {
        public CallTool {
            Objects.requireNonNull(tool, "tool");
            arguments = Map.copyOf(arguments);
        }
    }

    /**
     * Done diagnosing: what is wrong, the actions that would resolve it (possibly none), and the workflow versions
     * the reasoner applied (recorded in activity and on the session).
     */
    record Finish(String diagnosis, List<PlannedAction> plan, List<AppliedWorkflow> applied) implements ReasonerStep {
        public Finish {
            Objects.requireNonNull(diagnosis, "diagnosis");
            plan = List.copyOf(plan);
            applied = List.copyOf(applied);
        }

        /** Without any workflow applied. */
        public Finish(String diagnosis, List<PlannedAction> plan) {
            this(diagnosis, plan, List.of());
        }
    }
}
