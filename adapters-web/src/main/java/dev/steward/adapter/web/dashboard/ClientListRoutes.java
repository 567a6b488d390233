package dev.steward.adapter.web.dashboard;

import dev.steward.adapter.web.api.ClientPageJson;
import dev.steward.adapter.web.dashboard.ClientPages.ListFilter;
import dev.steward.adapter.web.dashboard.ClientPages.NewClientForm;
import dev.steward.adapter.web.http.CallerResolver;
import dev.steward.adapter.web.http.RouteGroup;
import dev.steward.adapter.web.problem.Problem;
import dev.steward.adapter.web.problem.ProblemMapper;
import dev.steward.application.client.ClientDetails;
import dev.steward.application.client.CreateClientCommand;
import dev.steward.application.client.CreateClientUseCase;
import dev.steward.application.client.ListClientsQuery;
import dev.steward.application.client.ListClientsUseCase;
import dev.steward.application.client.SummarizeClientActivityUseCase;
import dev.steward.application.problem.ApplicationException;
import dev.steward.domain.msp.MspId;
import dev.steward.domain.problem.DomainException;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import jakarta.inject.Inject;

/**
 * Dashboard: {@code GET /clients} (the list with each client's requests waiting and last activity, filters, the New
 * Client form) and {@code POST /clients} (create). */
public final class ClientListRoutes implements RouteGroup {

    static final int PAGE = 50;

    private final CallerResolver caller;
    private final ProblemMapper problems;
    private final ListClientsUseCase list;
    private final CreateClientUseCase create;
    private final SummarizeClientActivityUseCase summarize;

    @Inject
    public ClientListRoutes(CallerResolver caller, ProblemMapper problems, ListClientsUseCase list,
                            CreateClientUseCase create, SummarizeClientActivityUseCase summarize) {
        this.caller = caller;
        this.problems = problems;
        this.list = list;
        this.create = create;
        this.summarize = summarize;
    }

    @Override
    public void register(JavalinConfig config) {
        config.routes.get("/", ctx -> Forms.seeOther(ctx, "/clients"));
        config.routes.get("/clients", ctx -> render(ctx, caller.mspOf(ctx), 200, NewClientForm.EMPTY));
        config.routes.post("/clients", this::create);
    }

    private void create(Context ctx) {
        MspId msp = caller.mspOf(ctx);
        String name = Forms.orEmpty(ctx.formParam("name"));
        String slug = Forms.orEmpty(ctx.formParam("slug"));
        try {
            ClientDetails created = create.create(new CreateClientCommand(msp, ctx.formParam("name"),
                    ctx.formParam("slug")));
            Forms.seeOther(ctx, "/clients/" + created.client().slug().value());
        } catch (DomainException | ApplicationException e) {
            Problem problem = Forms.refusal(problems, ctx, e);
            render(ctx, msp, problem.status(), new NewClientForm(name, slug, FormErrors.from(problem)));
        }
    }

    private void render(Context ctx, MspId msp, int status, NewClientForm form) {
        ListFilter filter = new ListFilter(Forms.orEmpty(ctx.queryParam("search")),
                Forms.orEmpty(ctx.queryParam("status")), Forms.orEmpty(ctx.queryParam("after")));
        ClientPageJson page = ClientPageJson.listed(list, summarize, new ListClientsQuery(msp, filter.status(),
                filter.search(), filter.after(), PAGE));
        String refresh = "/api/v1/clients?search=" + Forms.encode(filter.search()) + "&status="
                + Forms.encode(filter.status()) + "&after=" + Forms.encode(filter.after()) + "&limit=" + PAGE;
        Layout.write(ctx, status, ClientPages.list(page, filter, form, refresh));
    }
}
