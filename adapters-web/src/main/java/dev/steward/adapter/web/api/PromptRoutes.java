package dev.steward.adapter.web.api;

import dev.steward.adapter.web.http.CallerResolver;
import dev.steward.adapter.web.http.JsonBodies;
import dev.steward.adapter.web.http.Requests;
import dev.steward.adapter.web.http.RouteGroup;
import dev.steward.application.client.ClientDetails;
import dev.steward.application.client.GetClientUseCase;
import dev.steward.application.prompt.EditClientPromptCommand;
import dev.steward.application.prompt.EditClientPromptUseCase;
import dev.steward.application.prompt.PreviewPromptUseCase;
import dev.steward.domain.msp.MspId;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import jakarta.inject.Inject;

/** A client's prompt tier ({@code GET/PUT /api/v1/clients/{slug}/prompt}) and the composed preview. */
public final class PromptRoutes implements RouteGroup {

    private final CallerResolver caller;
    private final JsonBodies bodies;
    private final GetClientUseCase get;
    private final EditClientPromptUseCase edit;
    private final PreviewPromptUseCase preview;

    @Inject
    public PromptRoutes(CallerResolver caller, JsonBodies bodies, GetClientUseCase get, EditClientPromptUseCase edit,
                        PreviewPromptUseCase preview) {
        this.caller = caller;
        this.bodies = bodies;
        this.get = get;
        this.edit = edit;
        this.preview = preview;
    }

    @Override
    public void register(JavalinConfig config) {
        config.routes.get("/api/v1/clients/{slug}/prompt", this::get);
        config.routes.put("/api/v1/clients/{slug}/prompt", this::edit);
        config.routes.get("/api/v1/clients/{slug}/prompt/preview", this::preview);
    }

    private void get(Context ctx) {
        respond(ctx, get.get(caller.mspOf(ctx), ctx.pathParam("slug")));
    }

    private void edit(Context ctx) {
        MspId msp = caller.mspOf(ctx);
        PromptJson body = bodies.read(ctx, PromptJson.class);
        respond(ctx, edit.edit(new EditClientPromptCommand(msp, ctx.pathParam("slug"), body.prompt(),
                Requests.expectedVersion(ctx))));
    }

    private void preview(Context ctx) {
        ctx.json(ComposedPromptJson.from(preview.preview(caller.mspOf(ctx), ctx.pathParam("slug"))));
    }

    private static void respond(Context ctx, ClientDetails details) {
        ctx.header("ETag", ClientJson.entityTag(details)).json(ClientPromptJson.from(details));
    }
}
