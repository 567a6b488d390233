package dev.steward.adapter.web.api;

import dev.steward.adapter.web.http.CallerResolver;
import dev.steward.adapter.web.http.Requests;
import dev.steward.adapter.web.http.RouteGroup;
import dev.steward.application.diagnostics.GetDiagnosticsUseCase;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import jakarta.inject.Inject;

/** {@code GET /api/v1/clients/{slug}/diagnostics?tail=N}: health, the newest log lines and resource usage. */
public final class DiagnosticsRoutes implements RouteGroup {

    public static final int DEFAULT_TAIL = 100;

    private final CallerResolver caller;
    private final GetDiagnosticsUseCase diagnostics;

    @Inject
    public DiagnosticsRoutes(CallerResolver caller, GetDiagnosticsUseCase diagnostics) {
        this.caller = caller;
        this.diagnostics = diagnostics;
    }

    @Override
    public void register(JavalinConfig config) {
        config.routes.get("/api/v1/clients/{slug}/diagnostics", this::diagnose);
    }

    private void diagnose(Context ctx) {
        ctx.header("Cache-Control", "no-store").json(DiagnosticsJson.from(diagnostics.diagnose(caller.mspOf(ctx),
                ctx.pathParam("slug"), Requests.intQueryParam(ctx, "tail", DEFAULT_TAIL))));
    }
}
