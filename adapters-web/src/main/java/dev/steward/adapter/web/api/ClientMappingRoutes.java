package dev.steward.adapter.web.api;

import dev.steward.adapter.web.http.CallerResolver;
import dev.steward.adapter.web.http.JsonBodies;
import dev.steward.adapter.web.http.Requests;
import dev.steward.adapter.web.http.RouteGroup;
import dev.steward.adapter.web.problem.RequestProblem;
import dev.steward.application.integration.BrowseDirectoryQuery;
import dev.steward.application.integration.BrowseDirectoryUseCase;
import dev.steward.application.integration.ImportPsaCompaniesCommand;
import dev.steward.application.integration.ImportPsaCompaniesUseCase;
import dev.steward.application.integration.ListClientMappingsUseCase;
import dev.steward.application.integration.MapClientCommand;
import dev.steward.application.integration.MapClientUseCase;
import dev.steward.domain.integration.ClientMapping;
import dev.steward.domain.msp.MspId;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import jakarta.inject.Inject;
import java.util.Optional;

/**
 * Mapping clients to entries of integrations' directories (a Microsoft 365 customer tenant, a documentation platform's
 * company): browse a connected integration's directory, list a client's mappings, set one (with {@code If-Match}),
 * remove one. The same routes serve every kind that offers a directory; a PSA's companies can be imported as clients.
 */
public final class ClientMappingRoutes implements RouteGroup {

    static final int DEFAULT_PAGE = 50;

    private final CallerResolver callers;
    private final JsonBodies bodies;
    private final BrowseDirectoryUseCase browse;
    private final ListClientMappingsUseCase list;
    private final MapClientUseCase map;
    private final ImportPsaCompaniesUseCase importer;

    @Inject
    public ClientMappingRoutes(CallerResolver callers, JsonBodies bodies, BrowseDirectoryUseCase browse,
                               ListClientMappingsUseCase list, MapClientUseCase map,
                               ImportPsaCompaniesUseCase importer) {
        this.callers = callers;
        this.bodies = bodies;
        this.browse = browse;
        this.list = list;
        this.map = map;
        this.importer = importer;
    }

    @Override
    public void register(JavalinConfig config) {
        config.routes.get("/api/v1/integrations/{id}/directory", this::directory);
        config.routes.post("/api/v1/integrations/{id}/import", this::importCompanies);
        config.routes.get("/api/v1/clients/{slug}/mappings", ctx -> ctx.json(ClientMappingJson.ChoiceListJson
                .from(list.list(callers.mspOf(ctx), ctx.pathParam("slug")))));
        config.routes.put("/api/v1/clients/{slug}/mappings/{kind}", this::put);
        config.routes.delete("/api/v1/clients/{slug}/mappings/{kind}", this::delete);
    }

    private void directory(Context ctx) {
        MspId msp = callers.mspOf(ctx);
        ctx.json(ClientMappingJson.DirectoryPageJson.from(browse.browse(new BrowseDirectoryQuery(msp,
                ctx.pathParam("id"), Optional.ofNullable(ctx.queryParam("search")).orElse(""),
                Optional.ofNullable(ctx.queryParam("cursor")).filter(c -> !c.isEmpty()),
                Requests.intQueryParam(ctx, "limit", DEFAULT_PAGE)))));
    }

    /** Always 200 with one result per row: a refused row names its own field and the others are still imported. */
    private void importCompanies(Context ctx) {
        MspId msp = callers.mspOf(ctx);
        ImportCompaniesJson body = bodies.read(ctx, ImportCompaniesJson.class);
        if (body.rows() == null || body.rows().isEmpty()) {
            throw RequestProblem.invalidField("rows", "rows.required", "must hold at least one company");
        }
        if (body.rows().stream().anyMatch(java.util.Objects::isNull)) {
            throw RequestProblem.invalidField("rows", "rows.invalid", "must not hold null");
        }
        ctx.json(ImportCompaniesJson.ResultJson.from(importer.importCompanies(new ImportPsaCompaniesCommand(msp,
                ctx.pathParam("id"), body.rows().stream().map(ImportCompaniesJson.RowJson::toRow).toList()))));
    }

    private void put(Context ctx) {
        MspId msp = callers.mspOf(ctx);
        ClientMappingJson.MapClientJson body = bodies.read(ctx, ClientMappingJson.MapClientJson.class);
        if (body.externalId() == null || body.externalId().isBlank()) {
            throw RequestProblem.invalidField("externalId", "externalId.required",
                    "is required (DELETE removes the mapping)");
        }
        ClientMapping mapping = map.map(command(ctx, msp, Optional.of(body.externalId()))).orElseThrow();
        ctx.header("ETag", ClientMappingJson.entityTag(Optional.of(mapping))).json(ClientMappingJson.from(mapping));
    }

    private void delete(Context ctx) {
        map.map(command(ctx, callers.mspOf(ctx), Optional.empty()));
        ctx.status(204);
    }

    private static MapClientCommand command(Context ctx, MspId msp, Optional<String> externalId) {
        return new MapClientCommand(msp, ctx.pathParam("slug"), ctx.pathParam("kind"), externalId,
                ClientMappingJson.expectedExternalId(ctx.header("If-Match")));
    }
}
