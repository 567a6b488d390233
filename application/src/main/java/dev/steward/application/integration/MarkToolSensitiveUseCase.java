package dev.steward.application.integration;

/**
 * Capability: an MSP marks any tool sensitive, so that the tool gateway runs it only for a requester whose identity
 * was verified in the session, or takes its own mark back. A tool its kind marks sensitive (a password reset) stays so.
 */
public interface MarkToolSensitiveUseCase {

    /**
     * @throws dev.steward.application.problem.InvalidCommand if {@code sensitive} is missing, or it is false for a
     *     tool its kind marks sensitive ({@code sensitive})
     * @throws dev.steward.application.problem.NotFound if the MSP has no such integration, or it has no such tool
     * @throws dev.steward.application.problem.Conflict ({@code version.stale}) if {@code expectedVersion} is not the
     *     stored version
     */
    IntegrationDetails mark(MarkToolSensitiveCommand command);
}
