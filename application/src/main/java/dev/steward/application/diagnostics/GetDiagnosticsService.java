package dev.steward.application.diagnostics;

import dev.steward.application.client.ClientLookup;
import dev.steward.application.port.AgentRuntime;
import dev.steward.application.port.ClientRepository;
import dev.steward.application.problem.FieldViolation;
import dev.steward.application.problem.InvalidCommand;
import dev.steward.domain.client.Client;
import dev.steward.domain.diagnostics.Diagnostics;
import dev.steward.domain.msp.MspId;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Optional;

public final class GetDiagnosticsService implements GetDiagnosticsUseCase {

    private final ClientRepository clients;
    private final AgentRuntime runtime;

    @Inject
    public GetDiagnosticsService(ClientRepository clients, AgentRuntime runtime) {
        this.clients = clients;
        this.runtime = runtime;
    }

    @Override
    public Diagnostics diagnose(MspId msp, String slug, int tailLines) {
        if (tailLines < 1 || tailLines > MAX_TAIL) {
            throw new InvalidCommand(List.of(new FieldViolation("tail", "tail.out-of-range",
                    "must be between 1 and " + MAX_TAIL + " (got " + tailLines + ")")));
        }
        Client client = ClientLookup.require(clients, msp, slug);
        return runtime.diagnose(client.id(), tailLines, Optional.empty());
    }
}
