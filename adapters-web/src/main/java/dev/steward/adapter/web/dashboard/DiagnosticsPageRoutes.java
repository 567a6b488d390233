package dev.steward.adapter.web.dashboard;

import dev.steward.adapter.web.api.ClientJson;
import dev.steward.adapter.web.api.DiagnosticsJson;
import dev.steward.adapter.web.http.CallerResolver;
import dev.steward.adapter.web.http.RouteGroup;
import dev.steward.application.client.GetClientUseCase;
import dev.steward.application.diagnostics.GetDiagnosticsUseCase;
import dev.steward.domain.msp.MspId;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import jakarta.inject.Inject;

/** Dashboard: {@code GET /clients/{slug}/diagnostics}, the Diagnostics tab. */
public final class DiagnosticsPageRoutes implements RouteGroup {

    private final CallerResolver caller;
    private final GetClientUseCase get;
    private final GetDiagnosticsUseCase diagnostics;

    @Inject
    public DiagnosticsPageRoutes(CallerResolver caller, GetClientUseCase get, GetDiagnosticsUseCase diagnostics) {
        this.caller = caller;
        this.get = get;
        this.diagnostics = diagnostics;
    }

    @Override
    public void register(JavalinConfig config) {
        config.routes.get("/clients/{slug}/diagnostics", this::page);
    }

    private void page(Context ctx) {
        MspId msp = caller.mspOf(ctx);
        ClientJson client = ClientJson.from(get.get(msp, ctx.pathParam("slug")));
        Layout.write(ctx, 200, DiagnosticsPage.render(client, DiagnosticsJson.from(diagnostics.diagnose(msp,
                client.slug(), DiagnosticsPage.TAIL))));
    }
}
