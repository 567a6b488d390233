package dev.steward.adapter.web.dashboard;

import dev.steward.adapter.web.api.ClientJson;
import dev.steward.adapter.web.api.ClientUsageJson;
import dev.steward.adapter.web.api.StatusChangeJson;
import dev.steward.adapter.web.http.CallerResolver;
import dev.steward.adapter.web.http.RouteGroup;
import dev.steward.adapter.web.problem.Problem;
import dev.steward.adapter.web.problem.ProblemMapper;
import dev.steward.application.client.ClientDetails;
import dev.steward.application.client.DeleteClientCommand;
import dev.steward.application.client.DeleteClientUseCase;
import dev.steward.application.client.GetClientUseCase;
import dev.steward.application.client.ListStatusHistoryUseCase;
import dev.steward.application.client.RetryProvisioningUseCase;
import dev.steward.application.mode.ChangeOperatingModeCommand;
import dev.steward.application.mode.ChangeOperatingModeUseCase;
import dev.steward.application.msp.GetMspUseCase;
import dev.steward.application.problem.ApplicationException;
import dev.steward.application.prompt.EditClientPromptCommand;
import dev.steward.application.prompt.EditClientPromptUseCase;
import dev.steward.application.prompt.PreviewPromptUseCase;
import dev.steward.application.usage.GetClientUsageUseCase;
import dev.steward.domain.msp.MspId;
import dev.steward.domain.problem.DomainException;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import jakarta.inject.Inject;
import java.util.List;
import java.util.function.Supplier;

/**
 * Dashboard: one client's Overview tab (status, deploy status, mode buttons, retry, history, delete with the typed
 * name) and Prompt tab (editor and composed preview). Every change is a form post answered with a redirect, or with
 * the page again showing the error on the field.
 */
public final class ClientDetailRoutes implements RouteGroup {

    private static final int HISTORY_SHOWN = 20;

    private final CallerResolver caller;
    private final ProblemMapper problems;
    private final GetClientUseCase get;
    private final GetMspUseCase getMsp;
    private final ListStatusHistoryUseCase history;
    private final ChangeOperatingModeUseCase changeMode;
    private final RetryProvisioningUseCase retry;
    private final DeleteClientUseCase delete;
    private final EditClientPromptUseCase editPrompt;
    private final PreviewPromptUseCase preview;
    private final GetClientUsageUseCase usage;

    @Inject
    public ClientDetailRoutes(CallerResolver caller, ProblemMapper problems, GetClientUseCase get,
                              GetMspUseCase getMsp, ListStatusHistoryUseCase history,
                              ChangeOperatingModeUseCase changeMode, RetryProvisioningUseCase retry,
                              DeleteClientUseCase delete, EditClientPromptUseCase editPrompt,
                              PreviewPromptUseCase preview, GetClientUsageUseCase usage) {
        this.caller = caller;
        this.problems = problems;
        this.get = get;
        this.getMsp = getMsp;
        this.history = history;
        this.changeMode = changeMode;
        this.retry = retry;
        this.delete = delete;
        this.editPrompt = editPrompt;
        this.preview = preview;
        this.usage = usage;
    }

    @Override
    public void register(JavalinConfig config) {
        config.routes.get("/clients/{slug}", ctx -> overview(ctx, 200, FormErrors.NONE, FormErrors.NONE));
        config.routes.post("/clients/{slug}/mode", this::changeMode);
        config.routes.post("/clients/{slug}/retry", this::retry);
        config.routes.post("/clients/{slug}/delete", this::delete);
        config.routes.get("/clients/{slug}/prompt", ctx -> prompt(ctx, 200, null, FormErrors.NONE));
        config.routes.post("/clients/{slug}/prompt", this::editPrompt);
    }

    private void changeMode(Context ctx) {
        MspId msp = caller.mspOf(ctx);
        onOverview(ctx, false, () -> "/clients/" + changeMode.change(new ChangeOperatingModeCommand(msp,
                ctx.pathParam("slug"), ctx.formParam("mode"), Forms.version(ctx))).client().slug().value());
    }

    private void retry(Context ctx) {
        MspId msp = caller.mspOf(ctx);
        onOverview(ctx, false, () -> "/clients/" + retry.retry(msp, ctx.pathParam("slug")).client().slug().value());
    }

    private void delete(Context ctx) {
        MspId msp = caller.mspOf(ctx);
        onOverview(ctx, true, () -> {
            delete.delete(new DeleteClientCommand(msp, ctx.pathParam("slug"), ctx.formParam("confirmName"),
                    Forms.version(ctx)));
            return "/clients";
        });
    }

    /**
     * Runs a change posted from the Overview tab: redirects where {@code change} says, or shows the Overview again with
     * the refusal on the delete form ({@code deleteForm}) or on the mode form.
     */
    private void onOverview(Context ctx, boolean deleteForm, Supplier<String> change) {
        try {
            Forms.seeOther(ctx, change.get());
        } catch (DomainException | ApplicationException e) {
            Problem problem = Forms.refusal(problems, ctx, e);
            FormErrors errors = FormErrors.from(problem);
            overview(ctx, problem.status(), deleteForm ? FormErrors.NONE : errors,
                    deleteForm ? errors : FormErrors.NONE);
        }
    }

    private void editPrompt(Context ctx) {
        MspId msp = caller.mspOf(ctx);
        String typed = Forms.orEmpty(ctx.formParam("prompt"));
        try {
            ClientDetails saved = editPrompt.edit(new EditClientPromptCommand(msp, ctx.pathParam("slug"),
                    ctx.formParam("prompt"), Forms.version(ctx)));
            Forms.seeOther(ctx, "/clients/" + saved.client().slug().value() + "/prompt");
        } catch (DomainException | ApplicationException e) {
            Problem problem = Forms.refusal(problems, ctx, e);
            prompt(ctx, problem.status(), typed, FormErrors.from(problem));
        }
    }

    private void overview(Context ctx, int status, FormErrors modeErrors, FormErrors deleteErrors) {
        MspId msp = caller.mspOf(ctx);
        ClientJson client = ClientJson.from(get.get(msp, ctx.pathParam("slug")));
        List<StatusChangeJson> changes = history.history(msp, client.slug()).stream()
                .map(StatusChangeJson::from).toList();
        List<StatusChangeJson> recent = changes.subList(Math.max(0, changes.size() - HISTORY_SHOWN), changes.size());
        String mspDefault = getMsp.get(msp).defaultMode().label();
        Layout.write(ctx, status, ClientPages.overview(client, ClientUsageJson.from(usage.usage(msp, client.slug())),
                recent, mspDefault, modeErrors, deleteErrors, "/api/v1/clients/" + client.slug()));
    }

    /** @param typed the text the user submitted (kept after a refusal), or null to show the stored prompt */
    private void prompt(Context ctx, int status, String typed, FormErrors errors) {
        MspId msp = caller.mspOf(ctx);
        ClientDetails details = get.get(msp, ctx.pathParam("slug"));
        String composed = preview.preview(msp, details.client().slug().value()).text();
        Layout.write(ctx, status, ClientPages.prompt(ClientJson.from(details),
                typed == null ? details.client().prompt().value() : typed, details.client().version(), composed,
                errors));
    }
}
