package dev.steward.adapter.web.api;

import dev.steward.adapter.web.problem.FieldError;
import dev.steward.application.integration.ImportPsaCompaniesCommand;
import dev.steward.application.integration.ImportedCompany;
import java.util.List;
import java.util.Locale;

/**
 * {@code POST /api/v1/integrations/{id}/import}: the PSA companies chosen for import, each with the slug the technician
 * accepted or edited (null or empty: the suggested one), and what became of each.
 */
public record ImportCompaniesJson(List<RowJson> rows) {

    public record RowJson(String companyId, String slug) {

        ImportPsaCompaniesCommand.Row toRow() {
            return new ImportPsaCompaniesCommand.Row(companyId, slug);
        }
    }

    /** One company's result: {@code created}, {@code already-a-client} or {@code refused} (with its errors). */
    public record ImportedJson(String companyId, String outcome, String slug, String name, List<FieldError> errors) {

        static ImportedJson from(ImportedCompany imported) {
            return new ImportedJson(imported.companyId(), imported.outcome().name().toLowerCase(Locale.ROOT)
                    .replace('_', '-'), imported.client().map(c -> c.slug().value()).orElse(null),
                    imported.client().map(c -> c.name().value()).orElse(null), imported.problems().stream()
                    .map(p -> new FieldError(p.field(), p.code(), p.message())).toList());
        }
    }

    /** Every row's result in the rows' order, and how many of each outcome. */
    public record ResultJson(List<ImportedJson> rows, long created, long alreadyClients, long refused) {

        static ResultJson from(List<ImportedCompany> results) {
            return new ResultJson(results.stream().map(ImportedJson::from).toList(),
                    count(results, ImportedCompany.Outcome.CREATED),
                    count(results, ImportedCompany.Outcome.ALREADY_A_CLIENT),
                    count(results, ImportedCompany.Outcome.REFUSED));
        }

        private static long count(List<ImportedCompany> results, ImportedCompany.Outcome outcome) {
            return results.stream().filter(r -> r.outcome() == outcome).count();
        }
    }
}
