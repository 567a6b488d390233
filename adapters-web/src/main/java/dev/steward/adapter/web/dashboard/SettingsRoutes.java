package dev.steward.adapter.web.dashboard;

import dev.steward.adapter.web.api.MspJson;
import dev.steward.adapter.web.http.CallerResolver;
import dev.steward.adapter.web.http.RouteGroup;
import dev.steward.adapter.web.problem.Problem;
import dev.steward.adapter.web.problem.ProblemMapper;
import dev.steward.application.mode.ChangeDefaultModeCommand;
import dev.steward.application.mode.ChangeDefaultModeUseCase;
import dev.steward.application.msp.GetMspUseCase;
import dev.steward.application.problem.ApplicationException;
import dev.steward.application.prompt.EditMspPromptCommand;
import dev.steward.application.prompt.EditMspPromptUseCase;
import dev.steward.domain.msp.MspId;
import dev.steward.domain.problem.DomainException;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import jakarta.inject.Inject;

/** Dashboard: {@code /settings}, the MSP's default mode and MSP prompt. */
public final class SettingsRoutes implements RouteGroup {

    private final CallerResolver caller;
    private final ProblemMapper problems;
    private final GetMspUseCase get;
    private final ChangeDefaultModeUseCase changeDefaultMode;
    private final EditMspPromptUseCase editPrompt;

    @Inject
    public SettingsRoutes(CallerResolver caller, ProblemMapper problems, GetMspUseCase get,
                          ChangeDefaultModeUseCase changeDefaultMode, EditMspPromptUseCase editPrompt) {
        this.caller = caller;
        this.problems = problems;
        this.get = get;
        this.changeDefaultMode = changeDefaultMode;
        this.editPrompt = editPrompt;
    }

    @Override
    public void register(JavalinConfig config) {
        config.routes.get("/settings", ctx -> render(ctx, 200, FormErrors.NONE, FormErrors.NONE, null));
        config.routes.post("/settings/default-mode", this::changeDefaultMode);
        config.routes.post("/settings/prompt", this::editPrompt);
    }

    private void changeDefaultMode(Context ctx) {
        MspId msp = caller.mspOf(ctx);
        try {
            changeDefaultMode.change(new ChangeDefaultModeCommand(msp, ctx.formParam("defaultMode"),
                    Forms.version(ctx)));
            Forms.seeOther(ctx, "/settings");
        } catch (DomainException | ApplicationException e) {
            Problem problem = Forms.refusal(problems, ctx, e);
            render(ctx, problem.status(), FormErrors.from(problem), FormErrors.NONE, null);
        }
    }

    private void editPrompt(Context ctx) {
        MspId msp = caller.mspOf(ctx);
        try {
            editPrompt.edit(new EditMspPromptCommand(msp, ctx.formParam("prompt"), Forms.version(ctx)));
            Forms.seeOther(ctx, "/settings");
        } catch (DomainException | ApplicationException e) {
            Problem problem = Forms.refusal(problems, ctx, e);
            render(ctx, problem.status(), FormErrors.NONE, FormErrors.from(problem),
                    Forms.orEmpty(ctx.formParam("prompt")));
        }
    }

    /** @param typedPrompt the MSP prompt the user submitted (kept after a refusal), or null for the stored one */
    private void render(Context ctx, int status, FormErrors modeErrors, FormErrors promptErrors, String typedPrompt) {
        MspJson msp = MspJson.from(get.get(caller.mspOf(ctx)));
        MspJson shown = typedPrompt == null ? msp : new MspJson(msp.id(), msp.name(), msp.defaultMode(), typedPrompt,
                msp.version(), msp.createdAt());
        Layout.write(ctx, status, SettingsPage.render(shown, modeErrors, promptErrors));
    }
}
