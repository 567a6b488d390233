package dev.steward.adapter.web.agentgateway;

import dev.steward.adapter.web.http.RouteGroup;
import dev.steward.application.agent.AgentGatewayUseCase;
import dev.steward.application.agent.AgentIdentity;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import jakarta.inject.Inject;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * {@code /agent/v1/...}: the API agents call with their per-agent bearer token. {@code GET /agent/v1/configuration}
 * returns what the agent runs with (never a secret); {@code POST /agent/v1/check-ins} is its heartbeat and its
 * acknowledgement of a configuration version.
 */
public final class AgentGatewayRoutes implements RouteGroup {

    private static final String AGENT = "steward.agent";

    private final AgentGatewayUseCase gateway;

    @Inject
    public AgentGatewayRoutes(AgentGatewayUseCase gateway) {
        this.gateway = gateway;
    }

    @Override
    public void register(JavalinConfig config) {
        config.routes.before("/agent/v1/*", this::authenticate);
        config.routes.get("/agent/v1/configuration", ctx ->
                ctx.json(AgentConfigurationJson.from(gateway.configuration(agent(ctx)))));
        config.routes.post("/agent/v1/check-ins", ctx -> {
            CheckInJson body = ctx.bodyAsClass(CheckInJson.class);
            gateway.checkIn(agent(ctx), body.configVersion());
            ctx.status(HttpStatus.NO_CONTENT);
        });
    }

    private void authenticate(Context ctx) {
        String header = Optional.ofNullable(ctx.header("Authorization")).orElse("");
        Optional<AgentIdentity> agent = header.startsWith("Bearer ")
                ? gateway.authenticate(header.substring("Bearer ".length()).strip())
                : Optional.empty();
        if (agent.isEmpty()) {
            Map<String, Object> problem = new LinkedHashMap<>();
            problem.put("type", "https://steward.dev/problems/agent.unauthenticated");
            problem.put("title", "Unauthenticated agent");
            problem.put("status", 401);
            problem.put("detail", "send the agent's token as 'Authorization: Bearer <token>'; it may have been revoked");
            ctx.header("WWW-Authenticate", "Bearer realm=\"steward-agent\"");
            ctx.status(HttpStatus.UNAUTHORIZED).json(problem).contentType("application/problem+json");
            ctx.skipRemainingHandlers();
            return;
        }
        ctx.attribute(AGENT, agent.get());
    }

    private static AgentIdentity agent(Context ctx) {
        return ctx.attribute(AGENT);
    }
}
