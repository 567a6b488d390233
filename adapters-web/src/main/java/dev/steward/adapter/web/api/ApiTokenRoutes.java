package dev.steward.adapter.web.api;

import dev.steward.adapter.web.http.CallerResolver;
import dev.steward.adapter.web.http.JsonBodies;
import dev.steward.adapter.web.http.Requests;
import dev.steward.adapter.web.http.RouteGroup;
import dev.steward.application.signin.ApiTokensUseCase;
import dev.steward.application.signin.Caller;
import dev.steward.application.signin.IssuedApiToken;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import jakarta.inject.Inject;
import java.util.Map;

/**
 * The caller's MSP's API tokens: {@code GET /api/v1/tokens}, {@code POST /api/v1/tokens} (201 with the secret, the
 * only time it is shown) and {@code DELETE /api/v1/tokens/{id}} (revokes at once).
 */
public final class ApiTokenRoutes implements RouteGroup {

    private final CallerResolver callers;
    private final JsonBodies bodies;
    private final ApiTokensUseCase tokens;

    @Inject
    public ApiTokenRoutes(CallerResolver callers, JsonBodies bodies, ApiTokensUseCase tokens) {
        this.callers = callers;
        this.bodies = bodies;
        this.tokens = tokens;
    }

    @Override
    public void register(JavalinConfig config) {
        config.routes.get("/api/v1/tokens", ctx -> ctx.json(Map.of("items",
                tokens.list(callers.mspOf(ctx)).stream().map(ApiTokenJson::from).toList())));
        config.routes.post("/api/v1/tokens", this::issue);
        config.routes.delete("/api/v1/tokens/{id}", ctx -> ctx.json(ApiTokenJson.from(
                tokens.revoke(callers.mspOf(ctx), Requests.uuidPathParam(ctx, "id")))));
    }

    private void issue(Context ctx) {
        Caller caller = callers.callerOf(ctx);
        NewApiTokenJson body = bodies.read(ctx, NewApiTokenJson.class);
        IssuedApiToken issued = tokens.issue(caller.msp(), caller.user(), body.name(),
                java.util.Optional.ofNullable(body.role()));
        ctx.status(201).header("Cache-Control", "no-store")
                .header("Location", "/api/v1/tokens/" + issued.token().id())
                .json(ApiTokenJson.from(issued.token()).withSecret(issued.secret()));
    }
}
