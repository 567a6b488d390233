package dev.steward.adapter.web.dashboard;

import dev.steward.adapter.web.problem.FieldError;
import dev.steward.application.activity.ActivityPage;
import dev.steward.application.problem.NotFound;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import dev.steward.adapter.web.api.ActivityPageJson;
import dev.steward.adapter.web.api.ClientJson;
import dev.steward.adapter.web.dashboard.ActivityPageView.Filter;
import dev.steward.adapter.web.http.CallerResolver;
import dev.steward.adapter.web.http.RouteGroup;
import dev.steward.adapter.web.problem.Problem;
import dev.steward.adapter.web.problem.ProblemMapper;
import dev.steward.application.activity.ListActivityQuery;
import dev.steward.application.activity.ListActivityUseCase;
import dev.steward.application.client.GetClientUseCase;
import dev.steward.application.problem.InvalidCommand;
import dev.steward.domain.msp.MspId;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import jakarta.inject.Inject;
import java.util.List;

/** Dashboard: {@code GET /clients/{slug}/activity} (a client's Activity tab) and {@code GET /activity} (the MSP's). */
public final class ActivityPageRoutes implements RouteGroup {

    static final int PAGE = 50;

    private final CallerResolver caller;
    private final ProblemMapper problems;
    private final GetClientUseCase get;
    private final ListActivityUseCase activity;

    @Inject
    public ActivityPageRoutes(CallerResolver caller, ProblemMapper problems, GetClientUseCase get,
                              ListActivityUseCase activity) {
        this.caller = caller;
        this.problems = problems;
        this.get = get;
        this.activity = activity;
    }

    @Override
    public void register(JavalinConfig config) {
        config.routes.get("/clients/{slug}/activity", ctx -> page(ctx, Optional.of(ClientJson.from(
                get.get(caller.mspOf(ctx), ctx.pathParam("slug"))))));
        config.routes.get("/activity", ctx -> page(ctx, Optional.empty()));
    }

    private void page(Context ctx, Optional<ClientJson> client) {
        MspId msp = caller.mspOf(ctx);
        Filter filter = new Filter(Forms.orEmpty(ctx.queryParam("ticket")), Forms.orEmpty(ctx.queryParam("tool")),
                Forms.orEmpty(ctx.queryParam("outcome")), Forms.orEmpty(ctx.queryParam("client")));
        String clientSlug = client.map(ClientJson::slug).orElse(filter.client());
        try {
            ActivityPage found = activity.list(new ListActivityQuery(msp, clientSlug, filter.ticket(), filter.tool(),
                    filter.outcome(), null, null, ctx.queryParam("before"), PAGE));
            Map<String, String> slugs = new HashMap<>();
            found.slugs().forEach((id, slug) -> slugs.put(id.value().toString(), slug.value()));
            Layout.write(ctx, 200, ActivityPageView.render(client, ActivityPageJson.from(found), filter,
                    FormErrors.NONE, slugs));
        } catch (InvalidCommand | NotFound e) {
            if (e instanceof NotFound && client.isPresent()) {
                throw e;
            }
            Problem problem = e instanceof NotFound
                    ? Problem.invalid(List.of(new FieldError("client", "client.not-found", "no client has this slug")))
                    : Forms.refusal(problems, ctx, e);
            Layout.write(ctx, problem.status(), ActivityPageView.render(client, new ActivityPageJson(List.of(), null, Map.of()),
                    filter, FormErrors.from(problem), Map.of()));
        }
    }
}
