package dev.steward.application.dryrun;

/**
 * Capability: run a client's agent logic in plan mode against a real ticket or a pasted text, writing nothing: read
 * tools run for real through the gateway, write tools are only planned.
 */
public interface DryRunUseCase {

    /**
     * @throws dev.steward.application.problem.InvalidCommand naming {@code ticket} or {@code text} when neither or
     *         both are given, or the ticket is not in the client's PSA
     * @throws dev.steward.application.problem.NotFound for an unknown client
     */
    DryRunResult run(DryRunCommand command);
}
