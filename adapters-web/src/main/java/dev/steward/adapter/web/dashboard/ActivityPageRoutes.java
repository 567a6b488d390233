package dev.steward.adapter.web.dashboard;

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

/** Dashboard: {@code GET /clients/{slug}/activity}, the Activity tab. */
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
        config.routes.get("/clients/{slug}/activity", this::page);
    }

    private void page(Context ctx) {
        MspId msp = caller.mspOf(ctx);
        ClientJson client = ClientJson.from(get.get(msp, ctx.pathParam("slug")));
        Filter filter = new Filter(Forms.orEmpty(ctx.queryParam("ticket")), Forms.orEmpty(ctx.queryParam("tool")),
                Forms.orEmpty(ctx.queryParam("outcome")));
        try {
            ActivityPageJson page = ActivityPageJson.from(activity.list(new ListActivityQuery(msp, client.slug(),
                    filter.ticket(), filter.tool(), filter.outcome(), null, null, ctx.queryParam("before"), PAGE)));
            Layout.write(ctx, 200, ActivityPageView.render(client, page, filter, FormErrors.NONE));
        } catch (InvalidCommand e) {
            Problem problem = Forms.refusal(problems, ctx, e);
            Layout.write(ctx, problem.status(), ActivityPageView.render(client, new ActivityPageJson(List.of(), null),
                    filter, FormErrors.from(problem)));
        }
    }
}
