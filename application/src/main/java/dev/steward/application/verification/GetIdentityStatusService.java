package dev.steward.application.verification;

import dev.steward.application.port.agent.ApprovalRepository;
import dev.steward.application.port.agent.SessionRepository;
import dev.steward.application.port.integration.IntegrationRepository;
import dev.steward.application.port.verification.IdentityVerifications;
import dev.steward.application.problem.NotFound;
import dev.steward.domain.approval.ApprovalRequest;
import dev.steward.domain.integration.Integration;
import dev.steward.domain.msp.MspId;
import dev.steward.domain.session.AgentSession;
import dev.steward.domain.verification.IdentityVerification;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;

public final class GetIdentityStatusService implements GetIdentityStatusUseCase {

    private final ApprovalRepository approvals;
    private final SessionRepository sessions;
    private final IntegrationRepository integrations;
    private final IdentityVerifications verifications;

    @Inject
    public GetIdentityStatusService(ApprovalRepository approvals, SessionRepository sessions,
                                    IntegrationRepository integrations, IdentityVerifications verifications) {
        this.approvals = approvals;
        this.sessions = sessions;
        this.integrations = integrations;
        this.verifications = verifications;
    }

    @Override
    public IdentityStatus status(MspId msp, String approval) {
        ApprovalRequest request = approvals.find(msp, parse(approval))
                .orElseThrow(() -> new NotFound("approval", approval));
        String requester = sessions.find(request.session()).map(AgentSession::requester).orElse("");
        boolean sensitive = Stream.concat(integrations.list(msp, Optional.empty()).stream(),
                        integrations.list(msp, Optional.of(request.client())).stream())
                .filter(i -> i.tool(request.tool()).isPresent()).findFirst()
                .map(i -> i.isSensitive(request.tool())).orElse(false);
        Optional<IdentityVerification> verified = verifications.ofSession(msp, request.session()).stream()
                .filter(v -> v.verifies(request.session(), requester)).findFirst();
        return new IdentityStatus(sensitive, requester, verified);
    }

    private static UUID parse(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw new NotFound("approval", id);
        }
    }
}
