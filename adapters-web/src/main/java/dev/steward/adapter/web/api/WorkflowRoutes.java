package dev.steward.adapter.web.api;

import dev.steward.adapter.web.http.JsonBodies;
import dev.steward.adapter.web.http.CallerResolver;
import dev.steward.adapter.web.http.RouteGroup;
import dev.steward.application.signin.Caller;
import dev.steward.application.workflow.ChangeWorkflowStatusCommand;
import dev.steward.application.workflow.ChangeWorkflowStatusUseCase;
import dev.steward.application.workflow.CreateWorkflowCommand;
import dev.steward.application.workflow.CreateWorkflowUseCase;
import dev.steward.application.workflow.EditWorkflowCommand;
import dev.steward.application.workflow.EditWorkflowUseCase;
import dev.steward.application.workflow.GetWorkflowUseCase;
import dev.steward.application.workflow.ListWorkflowsUseCase;
import dev.steward.application.workflow.WorkflowDetails;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import jakarta.inject.Inject;
import java.util.Optional;

/**
 * Workflows: MSP-wide ({@code /api/v1/workflows}) and per client ({@code /api/v1/clients/{slug}/workflows}), listed
 * in every status and created (201); the built-in ones ({@code /api/v1/workflows/built-in}); one workflow
 * ({@code /api/v1/workflows/{id}}) read with its history, edited (PUT), and activated, archived or returned to draft
 * ({@code POST …/status}). Every change is a new version by the caller.
 */
public final class WorkflowRoutes implements RouteGroup {

    private final CallerResolver caller;
    private final JsonBodies bodies;
    private final ListWorkflowsUseCase list;
    private final GetWorkflowUseCase get;
    private final CreateWorkflowUseCase create;
    private final EditWorkflowUseCase edit;
    private final ChangeWorkflowStatusUseCase changeStatus;

    @Inject
    public WorkflowRoutes(CallerResolver caller, JsonBodies bodies, ListWorkflowsUseCase list, GetWorkflowUseCase get,
                          CreateWorkflowUseCase create, EditWorkflowUseCase edit,
                          ChangeWorkflowStatusUseCase changeStatus) {
        this.caller = caller;
        this.bodies = bodies;
        this.list = list;
        this.get = get;
        this.create = create;
        this.edit = edit;
        this.changeStatus = changeStatus;
    }

    @Override
    public void register(JavalinConfig config) {
        config.routes.get("/api/v1/workflows", ctx -> ctx.json(WorkflowListJson.from(list.list(caller.mspOf(ctx),
                Optional.empty()))));
        config.routes.get("/api/v1/workflows/built-in", ctx -> ctx.json(WorkflowListJson.from(list.builtIn())));
        config.routes.post("/api/v1/workflows", ctx -> create(ctx, Optional.empty()));
        config.routes.get("/api/v1/clients/{slug}/workflows", ctx -> ctx.json(WorkflowListJson.from(
                list.list(caller.mspOf(ctx), Optional.of(ctx.pathParam("slug"))))));
        config.routes.post("/api/v1/clients/{slug}/workflows", ctx -> create(ctx, Optional.of(ctx.pathParam("slug"))));
        config.routes.get("/api/v1/workflows/{id}", ctx -> ctx.json(WorkflowJson.from(get.get(caller.mspOf(ctx),
                ctx.pathParam("id")))));
        config.routes.put("/api/v1/workflows/{id}", ctx -> {
            Caller who = caller.callerOf(ctx);
            WriteWorkflowJson body = bodies.read(ctx, WriteWorkflowJson.class);
            ctx.json(WorkflowJson.from(edit.edit(new EditWorkflowCommand(who.msp(), ctx.pathParam("id"),
                    body.basedOn(), body.content(), who.actor(), who.role()))));
        });
        config.routes.post("/api/v1/workflows/{id}/status", ctx -> {
            Caller who = caller.callerOf(ctx);
            WorkflowStatusJson body = bodies.read(ctx, WorkflowStatusJson.class);
            ctx.json(WorkflowJson.from(changeStatus.change(new ChangeWorkflowStatusCommand(who.msp(),
                    ctx.pathParam("id"), body.status(), who.actor(), who.role()))));
        });
    }

    private void create(Context ctx, Optional<String> client) {
        Caller who = caller.callerOf(ctx);
        WriteWorkflowJson body = bodies.read(ctx, WriteWorkflowJson.class);
        WorkflowDetails created = create.create(new CreateWorkflowCommand(who.msp(), client, body.content(),
                body.requestedStatus(), who.actor(), who.role()));
        ctx.status(201).header("Location", "/api/v1/workflows/" + created.workflow().id())
                .json(WorkflowJson.from(created));
    }
}
