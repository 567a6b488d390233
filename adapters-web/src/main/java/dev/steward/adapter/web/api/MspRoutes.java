package dev.steward.adapter.web.api;

import dev.steward.adapter.web.http.CallerResolver;
import dev.steward.adapter.web.http.Conditionals;
import dev.steward.adapter.web.http.JsonBodies;
import dev.steward.adapter.web.http.Requests;
import dev.steward.adapter.web.http.RouteGroup;
import dev.steward.application.mode.ChangeDefaultModeCommand;
import dev.steward.application.mode.ChangeDefaultModeUseCase;
import dev.steward.application.msp.GetMspUseCase;
import dev.steward.application.problem.FieldViolation;
import dev.steward.application.problem.InvalidCommand;
import dev.steward.application.prompt.EditMspPromptCommand;
import dev.steward.application.prompt.EditMspPromptUseCase;
import dev.steward.domain.msp.Msp;
import dev.steward.domain.msp.MspId;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import jakarta.inject.Inject;

/** The caller's MSP settings: {@code GET/PUT /api/v1/msp} (default mode) and {@code PUT /api/v1/msp/prompt}. */
public final class MspRoutes implements RouteGroup {

    private final CallerResolver caller;
    private final JsonBodies bodies;
    private final GetMspUseCase get;
    private final ChangeDefaultModeUseCase changeDefaultMode;
    private final EditMspPromptUseCase editPrompt;

    @Inject
    public MspRoutes(CallerResolver caller, JsonBodies bodies, GetMspUseCase get,
                     ChangeDefaultModeUseCase changeDefaultMode, EditMspPromptUseCase editPrompt) {
        this.caller = caller;
        this.bodies = bodies;
        this.get = get;
        this.changeDefaultMode = changeDefaultMode;
        this.editPrompt = editPrompt;
    }

    @Override
    public void register(JavalinConfig config) {
        config.routes.get("/api/v1/msp", this::get);
        config.routes.put("/api/v1/msp", this::changeDefaultMode);
        config.routes.put("/api/v1/msp/prompt", this::editPrompt);
    }

    private void get(Context ctx) {
        Msp msp = get.get(caller.mspOf(ctx));
        if (!Conditionals.answeredNotModified(ctx, MspJson.entityTag(msp))) {
            ctx.json(MspJson.from(msp));
        }
    }

    private void changeDefaultMode(Context ctx) {
        MspId msp = caller.mspOf(ctx);
        DefaultModeJson body = bodies.read(ctx, DefaultModeJson.class);
        try {
            respond(ctx, changeDefaultMode.change(new ChangeDefaultModeCommand(msp, body.defaultMode(),
                    Requests.expectedVersion(ctx))));
        } catch (InvalidCommand e) {
            // the command calls it "mode"; this resource's field is "defaultMode"
            throw new InvalidCommand(e.violations().stream()
                    .map(v -> v.field().equals("mode")
                            ? new FieldViolation("defaultMode", v.code().replaceFirst("^mode\\.", "defaultMode."),
                                    v.message())
                            : v)
                    .toList());
        }
    }

    private void editPrompt(Context ctx) {
        MspId msp = caller.mspOf(ctx);
        PromptJson body = bodies.read(ctx, PromptJson.class);
        respond(ctx, editPrompt.edit(new EditMspPromptCommand(msp, body.prompt(), Requests.expectedVersion(ctx))));
    }

    private static void respond(Context ctx, Msp msp) {
        ctx.header("ETag", MspJson.entityTag(msp)).json(MspJson.from(msp));
    }
}
