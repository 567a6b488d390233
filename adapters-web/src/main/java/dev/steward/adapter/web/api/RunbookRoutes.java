package dev.steward.adapter.web.api;

import dev.steward.adapter.web.http.CallerResolver;
import dev.steward.adapter.web.http.JsonBodies;
import dev.steward.adapter.web.http.RouteGroup;
import dev.steward.application.runbook.DeleteRunbookUseCase;
import dev.steward.application.runbook.ListRunbooksUseCase;
import dev.steward.application.runbook.SaveRunbookUseCase;
import dev.steward.application.signin.Caller;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import jakarta.inject.Inject;
import java.util.Optional;

/**
 * The runbooks the runbook reasoner reads, MSP-wide ({@code /api/v1/runbooks}) and per client
 * ({@code /api/v1/clients/{slug}/runbooks}); one runbook ({@code /api/v1/runbooks/{id}}) is replaced or deleted.
 * POST replaces the scope's runbook of the same name, so it answers 200 with what is stored.
 */
public final class RunbookRoutes implements RouteGroup {

    private final CallerResolver caller;
    private final JsonBodies bodies;
    private final ListRunbooksUseCase list;
    private final SaveRunbookUseCase save;
    private final DeleteRunbookUseCase delete;

    @Inject
    public RunbookRoutes(CallerResolver caller, JsonBodies bodies, ListRunbooksUseCase list, SaveRunbookUseCase save,
                         DeleteRunbookUseCase delete) {
        this.caller = caller;
        this.bodies = bodies;
        this.list = list;
        this.save = save;
        this.delete = delete;
    }

    @Override
    public void register(JavalinConfig config) {
        config.routes.get("/api/v1/runbooks", ctx -> list(ctx, Optional.empty()));
        config.routes.post("/api/v1/runbooks", ctx -> save(ctx, Optional.empty(), Optional.empty()));
        config.routes.get("/api/v1/clients/{slug}/runbooks", ctx -> list(ctx, Optional.of(ctx.pathParam("slug"))));
        config.routes.post("/api/v1/clients/{slug}/runbooks",
                ctx -> save(ctx, Optional.of(ctx.pathParam("slug")), Optional.empty()));
        config.routes.put("/api/v1/runbooks/{id}",
                ctx -> save(ctx, Optional.empty(), Optional.of(ctx.pathParam("id"))));
        config.routes.delete("/api/v1/runbooks/{id}", ctx -> {
            Caller who = caller.callerOf(ctx);
            delete.delete(who.msp(), who.role(), ctx.pathParam("id"));
            ctx.status(204);
        });
    }

    private void list(Context ctx, Optional<String> client) {
        ctx.json(RunbookListJson.from(list.list(caller.mspOf(ctx), client)));
    }

    private void save(Context ctx, Optional<String> client, Optional<String> id) {
        Caller who = caller.callerOf(ctx);
        ctx.json(RunbookJson.from(save.save(bodies.read(ctx, SaveRunbookJson.class).toCommand(who.msp(), client, id,
                who.role()))));
    }
}
