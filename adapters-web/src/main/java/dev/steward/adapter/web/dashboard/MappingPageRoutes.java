package dev.steward.adapter.web.dashboard;

import dev.steward.adapter.web.api.ClientJson;
import dev.steward.adapter.web.api.ClientMappingJson.ChoiceJson;
import dev.steward.adapter.web.api.ClientMappingJson.ChoiceListJson;
import dev.steward.adapter.web.api.ClientMappingJson.DirectoryPageJson;
import dev.steward.adapter.web.dashboard.MappingPages.PickerForm;
import dev.steward.adapter.web.http.CallerResolver;
import dev.steward.adapter.web.http.RouteGroup;
import dev.steward.adapter.web.problem.Problem;
import dev.steward.adapter.web.problem.ProblemMapper;
import dev.steward.application.client.GetClientUseCase;
import dev.steward.application.integration.BrowseDirectoryQuery;
import dev.steward.application.integration.BrowseDirectoryUseCase;
import dev.steward.application.integration.ListClientMappingsUseCase;
import dev.steward.application.integration.MapClientCommand;
import dev.steward.application.integration.MapClientUseCase;
import dev.steward.application.problem.ApplicationException;
import dev.steward.application.problem.NotFound;
import dev.steward.domain.msp.MspId;
import dev.steward.domain.problem.DomainException;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import jakarta.inject.Inject;
import java.util.Optional;

/**
 * Dashboard: the picker that maps a client to an entry of an integration's directory ({@code /clients/{slug}/mappings/
 * {kind}}), and its two form posts (map, remove), each answered with a redirect to the Integrations tab or with the
 * picker again showing why the choice was refused.
 */
public final class MappingPageRoutes implements RouteGroup {

    private static final int PAGE = 25;

    private final CallerResolver caller;
    private final ProblemMapper problems;
    private final GetClientUseCase clients;
    private final ListClientMappingsUseCase list;
    private final BrowseDirectoryUseCase browse;
    private final MapClientUseCase map;

    @Inject
    public MappingPageRoutes(CallerResolver caller, ProblemMapper problems, GetClientUseCase clients,
                             ListClientMappingsUseCase list, BrowseDirectoryUseCase browse, MapClientUseCase map) {
        this.caller = caller;
        this.problems = problems;
        this.clients = clients;
        this.list = list;
        this.browse = browse;
        this.map = map;
    }

    @Override
    public void register(JavalinConfig config) {
        config.routes.get("/clients/{slug}/mappings/{kind}", ctx -> picker(ctx, 200, new PickerForm(
                Forms.orEmpty(ctx.queryParam("search")), FormErrors.NONE)));
        config.routes.post("/clients/{slug}/mappings/{kind}", ctx -> change(ctx,
                Optional.of(Forms.orEmpty(ctx.formParam("externalId")))));
        config.routes.post("/clients/{slug}/mappings/{kind}/remove", ctx -> change(ctx, Optional.empty()));
    }

    private void picker(Context ctx, int status, PickerForm form) {
        MspId msp = caller.mspOf(ctx);
        String slug = ctx.pathParam("slug");
        String kind = ctx.pathParam("kind");
        ClientJson client = ClientJson.from(clients.get(msp, slug));
        ChoiceJson choice = ChoiceListJson.from(list.list(msp, slug)).items().stream()
                .filter(c -> c.kind().equals(kind)).findFirst()
                .orElseThrow(() -> new NotFound("directory of integration", kind));
        Optional<DirectoryPageJson> page;
        PickerForm shown = form;
        try {
            page = Optional.of(DirectoryPageJson.from(browse.browse(new BrowseDirectoryQuery(msp,
                    choice.integrationId(), form.search(), Optional.ofNullable(ctx.queryParam("cursor"))
                    .filter(c -> !c.isEmpty()), PAGE))));
        } catch (DomainException | ApplicationException e) {
            Problem problem = problems.toProblem(e, ctx);
            page = Optional.empty();
            shown = new PickerForm(form.search(), form.errors().general().isPresent() ? form.errors()
                    : FormErrors.from(problem));
            status = status == 200 ? problem.status() : status;
        }
        Layout.write(ctx, status, MappingPages.picker(client, choice, page, shown));
    }

    private void change(Context ctx, Optional<String> externalId) {
        MspId msp = caller.mspOf(ctx);
        String slug = ctx.pathParam("slug");
        try {
            map.map(new MapClientCommand(msp, slug, ctx.pathParam("kind"), externalId,
                    Optional.ofNullable(ctx.formParam("expected"))));
            Forms.seeOther(ctx, "/clients/" + slug + "/integrations");
        } catch (DomainException | ApplicationException e) {
            Problem problem = Forms.refusal(problems, ctx, e);
            picker(ctx, problem.status(), new PickerForm(Forms.orEmpty(ctx.queryParam("search")),
                    FormErrors.from(problem)));
        }
    }
}
