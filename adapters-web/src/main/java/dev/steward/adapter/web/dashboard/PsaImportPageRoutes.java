package dev.steward.adapter.web.dashboard;

import dev.steward.adapter.web.api.ClientMappingJson.DirectoryPageJson;
import dev.steward.adapter.web.api.ClientMappingJson.EntryJson;
import dev.steward.adapter.web.api.IntegrationJson;
import dev.steward.adapter.web.dashboard.PsaImportPages.ImportForm;
import dev.steward.adapter.web.dashboard.PsaImportPages.Picked;
import dev.steward.adapter.web.http.CallerResolver;
import dev.steward.adapter.web.http.RouteGroup;
import dev.steward.adapter.web.problem.Problem;
import dev.steward.adapter.web.problem.ProblemMapper;
import dev.steward.application.integration.BrowseDirectoryQuery;
import dev.steward.application.integration.BrowseDirectoryUseCase;
import dev.steward.application.integration.FindImportedCompaniesUseCase;
import dev.steward.application.integration.GetIntegrationUseCase;
import dev.steward.application.integration.ImportPsaCompaniesCommand;
import dev.steward.application.integration.ImportPsaCompaniesUseCase;
import dev.steward.application.integration.ImportedCompany;
import dev.steward.application.problem.ApplicationException;
import dev.steward.application.problem.Conflict;
import dev.steward.application.problem.FieldViolation;
import dev.steward.application.problem.InvalidCommand;
import dev.steward.application.psa.MapClientToPsaUseCase;
import dev.steward.domain.client.Slug;
import dev.steward.domain.msp.MspId;
import dev.steward.domain.problem.DomainException;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Dashboard: the import screen of a connected PSA ({@code /integrations/{id}/import}): its companies page by page and
 * by search, each with a box to pick it and its suggested slug to edit (or the client it already is); importing the picked ones answers the same
 * page with a result on every picked row (created, already a client, or refused with the error on its field).
 */
public final class PsaImportPageRoutes implements RouteGroup {

    static final int PAGE = 25;
    private static final String ROWS = "rows[";

    private final CallerResolver caller;
    private final ProblemMapper problems;
    private final GetIntegrationUseCase integrations;
    private final BrowseDirectoryUseCase browse;
    private final ImportPsaCompaniesUseCase importer;
    private final MapClientToPsaUseCase psas;
    private final FindImportedCompaniesUseCase imported;

    @Inject
    public PsaImportPageRoutes(CallerResolver caller, ProblemMapper problems, GetIntegrationUseCase integrations,
                               BrowseDirectoryUseCase browse, ImportPsaCompaniesUseCase importer,
                               MapClientToPsaUseCase psas, FindImportedCompaniesUseCase imported) {
        this.caller = caller;
        this.problems = problems;
        this.integrations = integrations;
        this.browse = browse;
        this.importer = importer;
        this.psas = psas;
        this.imported = imported;
    }

    @Override
    public void register(JavalinConfig config) {
        config.routes.get("/integrations/{id}/import", ctx -> render(ctx, 200, ImportForm.browsing(
                Forms.orEmpty(ctx.queryParam("search")), Forms.orEmpty(ctx.queryParam("cursor")))));
        config.routes.post("/integrations/{id}/import", this::importPicked);
    }

    private void importPicked(Context ctx) {
        MspId msp = caller.mspOf(ctx);
        List<Picked> rows = submittedRows(ctx);
        List<Picked> picked = rows.stream().filter(Picked::picked).toList();
        String search = Forms.orEmpty(ctx.formParam("search"));
        String cursor = Forms.orEmpty(ctx.formParam("cursor"));
        try {
            if (picked.isEmpty()) {
                throw new InvalidCommand(List.of(new FieldViolation("rows", "rows.required",
                        "Pick at least one company to import.")));
            }
            List<ImportedCompany> results = importer.importCompanies(new ImportPsaCompaniesCommand(msp,
                    ctx.pathParam("id"), picked.stream().map(p -> new ImportPsaCompaniesCommand.Row(p.companyId(),
                            p.slug())).toList()));
            Map<String, ImportedCompany> byCompany = new LinkedHashMap<>();
            results.forEach(r -> byCompany.put(r.companyId(), r));
            boolean refused = results.stream().anyMatch(r -> r.outcome() == ImportedCompany.Outcome.REFUSED);
            render(ctx, refused ? 422 : 200, new ImportForm(search, cursor, rows, Optional.of(byCompany),
                    FormErrors.NONE));
        } catch (DomainException | ApplicationException e) {
            Problem problem = Forms.refusal(problems, ctx, e);
            render(ctx, problem.status(), new ImportForm(search, cursor, rows, Optional.empty(),
                    FormErrors.from(problem)));
        }
    }

    /** The rows of the submitted page, in its order: {@code rows[i].companyId}, {@code .pick} and {@code .slug}. */
    private static List<Picked> submittedRows(Context ctx) {
        List<Picked> rows = new ArrayList<>();
        for (int i = 0; i < PAGE; i++) {
            String companyId = ctx.formParam(ROWS + i + "].companyId");
            if (companyId == null) {
                break;
            }
            rows.add(new Picked(companyId, ctx.formParam(ROWS + i + "].pick") != null,
                    Forms.orEmpty(ctx.formParam(ROWS + i + "].slug")).strip()));
        }
        return rows;
    }

    private void render(Context ctx, int status, ImportForm form) {
        MspId msp = caller.mspOf(ctx);
        IntegrationJson psa = IntegrationJson.from(integrations.get(msp, ctx.pathParam("id")));
        if (psa.client() != null || !psas.canMapTo(msp, psa.kind())) {
            // a documentation platform has a directory too, but its entries are no companies to import
            throw Conflict.of("integration.not-a-psa", psa.label() + " is not a connected PSA: only a PSA's "
                    + "companies can be imported as clients");
        }
        Optional<DirectoryPageJson> page;
        FormErrors errors = form.errors();
        try {
            page = Optional.of(DirectoryPageJson.from(browse.browse(new BrowseDirectoryQuery(msp, psa.id(),
                    form.search(), Optional.of(form.cursor()).filter(c -> !c.isEmpty()), PAGE))));
        } catch (DomainException | ApplicationException e) {
            Problem problem = Forms.refusal(problems, ctx, e);
            page = Optional.empty();
            errors = form.errors().general().isPresent() ? errors : FormErrors.from(problem);
            status = status == 200 ? problem.status() : status;
        }
        Map<String, Slug> clients = page.map(p -> imported.imported(msp, psa.id(), p.entries().stream()
                .map(EntryJson::id).toList())).orElse(Map.of());
        Layout.write(ctx, status, PsaImportPages.page(psa, page, clients, form.withErrors(errors)));
    }
}
