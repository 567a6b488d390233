package dev.steward.application.port.reasoning;

import dev.steward.application.problem.PortFailure;
import dev.steward.application.stability.Stable;

/**
 * The model that plans: a deterministic runbook engine, or a language model behind an API. Rules
 * ({@code ReasonerContract}): it answers every well-formed context with a step, never null; it may only ask for tools
 * of the catalog (the gateway refuses anything else anyway); it does not execute anything itself.
 */
@Stable
public interface Reasoner {

    /**
     * The next step for this context.
     *
     * @throws PortFailure when the model behind it cannot be reached or answers with something unusable
     */
    ReasonerStep next(ReasoningContext context);
}
