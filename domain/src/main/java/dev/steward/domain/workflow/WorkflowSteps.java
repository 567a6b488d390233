package dev.steward.domain.workflow;

import dev.steward.domain.integration.ToolName;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A workflow's optional structured part, for the runbook reasoner (which has no model to read instructions): the
 * read-only checks to run and the actions to plan, in order. Argument values are templates that may hold
 * placeholders such as {@code {requester}}; which placeholders exist is the application's business.
 */
public record WorkflowSteps(List<Check> checks, List<Action> actions) {

    public static final WorkflowSteps NONE = new WorkflowSteps(List.of(), List.of());

    /** A check: a read-only tool and its argument templates. */
    public record Check(ToolName tool, Map<String, String> arguments) {
        public Check {
            Objects.requireNonNull(tool, "tool");
            arguments = Map.copyOf(arguments);
        }
    }

    /** A planned action: a tool, its argument templates, and why (what the technician reads in the plan). */
    public record Action(ToolName tool, Map<String, String> arguments, String reason) {
        public Action {
            Objects.requireNonNull(tool, "tool");
            arguments = Map.copyOf(arguments);
            // may be empty: runbooks stored before workflows did not all say why; new ones must (the use case's rule)
            Objects.requireNonNull(reason, "reason");
        }
    }

    public WorkflowSteps {
        checks = List.copyOf(checks);
        actions = List.copyOf(actions);
    }

    public boolean isEmpty() {
        return checks.isEmpty() && actions.isEmpty();
    }
}
