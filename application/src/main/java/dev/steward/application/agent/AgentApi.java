package dev.steward.application.agent;

import jakarta.inject.Inject;
import java.util.Objects;

/** Everything the agent API offers, as use cases: what an in-process agent calls instead of HTTP. */
public record AgentApi(AgentGatewayUseCase gateway, AgentWorkUseCase work, CallToolUseCase tools,
                       PostToTicketUseCase ticket, CallModelUseCase model) {

    @Inject
    public AgentApi {
        Objects.requireNonNull(gateway, "gateway");
        Objects.requireNonNull(work, "work");
        Objects.requireNonNull(tools, "tools");
        Objects.requireNonNull(ticket, "ticket");
        Objects.requireNonNull(model, "model");
    }
}
