package dev.steward.adapter.web.api;

import dev.steward.adapter.web.http.CallerResolver;
import dev.steward.adapter.web.http.JsonBodies;
import dev.steward.adapter.web.http.RouteGroup;
import dev.steward.application.usage.GetClientUsageUseCase;
import dev.steward.application.usage.GetTokenBudgetUseCase;
import dev.steward.application.usage.SetTokenBudgetCommand;
import dev.steward.application.usage.SetTokenBudgetUseCase;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import jakarta.inject.Inject;
import java.util.Optional;

/**
 * A client's workload ({@code GET /api/v1/clients/{slug}/usage}: requests waiting for its agent, this month's model
 * tokens and budget) and the monthly token budgets: the MSP's default ({@code GET|PUT /api/v1/msp/token-budget}) and
 * a client's own ({@code GET|PUT /api/v1/clients/{slug}/token-budget}); {@code {"monthlyTokens": null}} removes one.
 */
public final class UsageRoutes implements RouteGroup {

    private final CallerResolver caller;
    private final JsonBodies bodies;
    private final GetClientUsageUseCase usage;
    private final GetTokenBudgetUseCase getBudget;
    private final SetTokenBudgetUseCase setBudget;

    @Inject
    public UsageRoutes(CallerResolver caller, JsonBodies bodies, GetClientUsageUseCase usage,
                       GetTokenBudgetUseCase getBudget, SetTokenBudgetUseCase setBudget) {
        this.caller = caller;
        this.bodies = bodies;
        this.usage = usage;
        this.getBudget = getBudget;
        this.setBudget = setBudget;
    }

    @Override
    public void register(JavalinConfig config) {
        config.routes.get("/api/v1/clients/{slug}/usage", ctx ->
                ctx.json(ClientUsageJson.from(usage.usage(caller.mspOf(ctx), ctx.pathParam("slug")))));
        config.routes.get("/api/v1/msp/token-budget", ctx -> get(ctx, Optional.empty()));
        config.routes.put("/api/v1/msp/token-budget", ctx -> set(ctx, Optional.empty()));
        config.routes.get("/api/v1/clients/{slug}/token-budget", ctx -> get(ctx, Optional.of(ctx.pathParam("slug"))));
        config.routes.put("/api/v1/clients/{slug}/token-budget", ctx -> set(ctx, Optional.of(ctx.pathParam("slug"))));
    }

    private void get(Context ctx, Optional<String> client) {
        ctx.json(TokenBudgetJson.from(getBudget.budget(caller.mspOf(ctx), client)));
    }

    private void set(Context ctx, Optional<String> client) {
        TokenBudgetJson body = bodies.read(ctx, TokenBudgetJson.class);
        ctx.json(TokenBudgetJson.from(setBudget.set(new SetTokenBudgetCommand(caller.mspOf(ctx), client,
                Optional.ofNullable(body.monthlyTokens())))));
    }
}
