package dev.steward.adapter.web.dashboard;

import dev.steward.adapter.web.api.ClientJson;
import dev.steward.adapter.web.http.CallerResolver;
import dev.steward.adapter.web.http.RouteGroup;
import dev.steward.adapter.web.problem.Problem;
import dev.steward.adapter.web.problem.ProblemMapper;
import dev.steward.application.client.GetClientUseCase;
import dev.steward.application.problem.ApplicationException;
import dev.steward.application.signin.Caller;
import dev.steward.application.workflow.ChangeWorkflowStatusCommand;
import dev.steward.application.workflow.ChangeWorkflowStatusUseCase;
import dev.steward.application.workflow.CreateWorkflowCommand;
import dev.steward.application.workflow.CreateWorkflowUseCase;
import dev.steward.application.workflow.EditWorkflowCommand;
import dev.steward.application.workflow.EditWorkflowUseCase;
import dev.steward.application.workflow.GetWorkflowUseCase;
import dev.steward.application.workflow.ListWorkflowsUseCase;
import dev.steward.application.workflow.WorkflowContent;
import dev.steward.application.workflow.WorkflowDetails;
import dev.steward.domain.msp.MspId;
import dev.steward.domain.problem.DomainException;
import dev.steward.domain.workflow.Workflow;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Optional;

/**
 * Dashboard: the MSP's Workflows page ({@code /workflows}: the MSP-wide ones, a form to create one, the built-in
 * ones), a client's Workflows tab ({@code /clients/{slug}/workflows}), and one workflow's page ({@code
 * /workflows/{id}}: edit its name, trigger, instructions and structured steps, change its status, see who changed it
 * when). Both create forms take steps too. A refused form shows the page again with the error on the field and what
 * was typed; nothing is stored.
 */
public final class WorkflowPageRoutes implements RouteGroup {

    private final CallerResolver callers;
    private final ProblemMapper problems;
    private final GetClientUseCase clients;
    private final ListWorkflowsUseCase list;
    private final GetWorkflowUseCase get;
    private final CreateWorkflowUseCase create;
    private final EditWorkflowUseCase edit;
    private final ChangeWorkflowStatusUseCase changeStatus;

    @Inject
    public WorkflowPageRoutes(CallerResolver callers, ProblemMapper problems, GetClientUseCase clients,
                              ListWorkflowsUseCase list, GetWorkflowUseCase get, CreateWorkflowUseCase create,
                              EditWorkflowUseCase edit, ChangeWorkflowStatusUseCase changeStatus) {
        this.callers = callers;
        this.problems = problems;
        this.clients = clients;
        this.list = list;
        this.get = get;
        this.create = create;
        this.edit = edit;
        this.changeStatus = changeStatus;
    }

    @Override
    public void register(JavalinConfig config) {
        config.routes.get("/workflows", ctx -> mspPage(ctx, 200, WorkflowPages.Typed.EMPTY, FormErrors.NONE));
        config.routes.post("/workflows", ctx -> create(ctx, Optional.empty()));
        config.routes.get("/clients/{slug}/workflows", ctx -> clientTab(ctx, 200, WorkflowPages.Typed.EMPTY,
                FormErrors.NONE));
        config.routes.post("/clients/{slug}/workflows", ctx -> create(ctx, Optional.of(ctx.pathParam("slug"))));
        config.routes.get("/workflows/{id}", ctx -> {
            WorkflowDetails details = get.get(callers.mspOf(ctx), ctx.pathParam("id"));
            Layout.write(ctx, 200, WorkflowPages.editPage(details, typed(details.workflow()), FormErrors.NONE));
        });
        config.routes.post("/workflows/{id}", this::edit);
        config.routes.post("/workflows/{id}/status", this::changeStatus);
    }

    private static WorkflowPages.Typed typed(Workflow w) {
        return new WorkflowPages.Typed(w.name().value(), w.trigger().sentence(), w.instructions(), w.status().label(),
                WorkflowStepForm.of(w.steps()));
    }

    private static WorkflowPages.Typed typed(Context ctx) {
        return new WorkflowPages.Typed(Forms.orEmpty(ctx.formParam("name")), Forms.orEmpty(ctx.formParam("trigger")),
                Forms.orEmpty(ctx.formParam("instructions")),
                Optional.ofNullable(ctx.formParam("status")).orElse("draft"),
                WorkflowStepForm.read(ctx).orElse(WorkflowStepForm.NONE));
    }

    private static WorkflowContent content(WorkflowPages.Typed typed, WorkflowStepForm.Submitted steps) {
        return new WorkflowContent(typed.name(), typed.trigger(), typed.instructions(), steps.checks(),
                steps.actions());
    }

    private void create(Context ctx, Optional<String> client) {
        Caller caller = callers.callerOf(ctx);
        WorkflowPages.Typed typed = typed(ctx);
        WorkflowStepForm.Submitted steps = typed.steps().submitted();
        try {
            WorkflowDetails created = create.create(new CreateWorkflowCommand(caller.msp(), client,
                    content(typed, steps), Optional.of(typed.status()), caller.actor(), caller.role()));
            Forms.seeOther(ctx, listOf(created));
        } catch (DomainException | ApplicationException e) {
            Problem problem = Forms.refusal(problems, ctx, e);
            FormErrors errors = steps.shownOnRows(FormErrors.from(problem));
            if (client.isPresent()) {
                clientTab(ctx, problem.status(), typed, errors);
            } else {
                mspPage(ctx, problem.status(), typed, errors);
            }
        }
    }

    private void edit(Context ctx) {
        Caller caller = callers.callerOf(ctx);
        WorkflowDetails stored = get.get(caller.msp(), ctx.pathParam("id"));
        // a post without the steps' rows (an older page, a script) leaves the stored steps as they are
        WorkflowPages.Typed typed = typed(ctx).withSteps(WorkflowStepForm.read(ctx).orElseGet(() ->
                WorkflowStepForm.of(stored.workflow().steps())));
        WorkflowStepForm.Submitted submitted = typed.steps().submitted();
        try {
            WorkflowDetails saved = edit.edit(new EditWorkflowCommand(caller.msp(), ctx.pathParam("id"),
                    Forms.version(ctx).map(Long::intValue), content(typed, submitted), caller.actor(),
                    caller.role()));
            Forms.seeOther(ctx, "/workflows/" + saved.workflow().id());
        } catch (DomainException | ApplicationException e) {
            Problem problem = Forms.refusal(problems, ctx, e);
            Layout.write(ctx, problem.status(), WorkflowPages.editPage(stored, typed,
                    submitted.shownOnRows(FormErrors.from(problem))));
        }
    }

    private void changeStatus(Context ctx) {
        Caller caller = callers.callerOf(ctx);
        try {
            WorkflowDetails changed = changeStatus.change(new ChangeWorkflowStatusCommand(caller.msp(),
                    ctx.pathParam("id"), ctx.formParam("status"), caller.actor(), caller.role()));
            Forms.seeOther(ctx, listOf(changed));
        } catch (DomainException | ApplicationException e) {
            Problem problem = Forms.refusal(problems, ctx, e);
            WorkflowDetails stored = get.get(caller.msp(), ctx.pathParam("id"));
            Layout.write(ctx, problem.status(), WorkflowPages.editPage(stored, typed(stored.workflow()),
                    FormErrors.from(problem)));
        }
    }

    private static String listOf(WorkflowDetails details) {
        return details.client().map(slug -> "/clients/" + slug.value() + "/workflows").orElse("/workflows");
    }

    private void mspPage(Context ctx, int status, WorkflowPages.Typed typed, FormErrors errors) {
        MspId msp = callers.mspOf(ctx);
        Layout.write(ctx, status, WorkflowPages.mspPage(list.list(msp, Optional.empty()), list.builtIn(), typed,
                errors));
    }

    private void clientTab(Context ctx, int status, WorkflowPages.Typed typed, FormErrors errors) {
        MspId msp = callers.mspOf(ctx);
        ClientJson client = ClientJson.from(clients.get(msp, ctx.pathParam("slug")));
        List<WorkflowDetails> own = list.list(msp, Optional.of(client.slug()));
        Layout.write(ctx, status, WorkflowPages.clientTab(client, own, list.list(msp, Optional.empty()), typed,
                errors));
    }
}
