package dev.steward.domain.workflow;

import dev.steward.domain.problem.IllegalTransition;
import dev.steward.domain.problem.InvalidValue;
import java.time.Instant;
import java.util.Objects;

/**
 * A workflow (what the product once called a runbook): a one-sentence {@link Trigger} plus instructions (free text
 * for a model), optional structured {@link WorkflowSteps} (for the runbook reasoner), a {@link WorkflowStatus} and a
 * {@link WorkflowScope}. For each request every active workflow in scope whose trigger matches applies; several may
 * combine ({@link WorkflowCatalog}). Immutable: every change returns the next {@link WorkflowVersion}.
 */
public record Workflow(WorkflowId id, WorkflowScope scope, WorkflowName name, Trigger trigger, String instructions,
                       WorkflowSteps steps, WorkflowStatus status, WorkflowVersion version) {

    public static final int MAX_INSTRUCTIONS = 20_000;

    /** Rebuilds a stored workflow; checks every rule, records nothing. */
    public Workflow {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(trigger, "trigger");
        Objects.requireNonNull(steps, "steps");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(version, "version");
        if (instructions == null || instructions.isBlank()) {
            throw InvalidValue.of("instructions", "required", "is required");
        }
        if (instructions.length() > MAX_INSTRUCTIONS) {
            throw InvalidValue.of("instructions", "too-long", "must be at most " + MAX_INSTRUCTIONS + " characters");
        }
    }

    /**
     * A new workflow, version 1, created by {@code by} at {@code at}, as a draft or already active.
     *
     * @throws InvalidValue ({@code status.not-initial}) if created archived: there is nothing to archive yet
     */
    public static Workflow create(WorkflowId id, WorkflowScope scope, WorkflowName name, Trigger trigger,
                                  String instructions, WorkflowSteps steps, WorkflowStatus status, String by,
                                  Instant at) {
        if (status == WorkflowStatus.ARCHIVED) {
            throw InvalidValue.of("status", "not-initial", "must be draft or active for a new workflow");
        }
        return new Workflow(id, scope, name, trigger, instructions, steps, status, WorkflowVersion.first(by, at));
    }

    /** The next version with new content; status and scope stay. */
    public Workflow edited(WorkflowName newName, Trigger newTrigger, String newInstructions, WorkflowSteps newSteps,
                           String by, Instant at) {
        return new Workflow(id, scope, newName, newTrigger, newInstructions, newSteps, status, version.next(by, at));
    }

    /**
     * The next version in {@code target} status, or this one unchanged if it is already there (so activating twice
     * is harmless).
     *
     * @throws IllegalTransition naming both statuses if {@link WorkflowStatus#canMoveTo} forbids it
     */
    public Workflow movedTo(WorkflowStatus target, String by, Instant at) {
        if (target == status) {
            return this;
        }
        if (!status.canMoveTo(target)) {
            throw new IllegalTransition("a workflow", status.label(), target.label());
        }
        return new Workflow(id, scope, name, trigger, instructions, steps, target, version.next(by, at));
    }

    /** Whether it applies to requests at all: only active ones do. */
    public boolean isActive() {
        return status == WorkflowStatus.ACTIVE;
    }

    /** What a session records having used. */
    public AppliedWorkflow applied() {
        return new AppliedWorkflow(id, name, version.number());
    }
}
