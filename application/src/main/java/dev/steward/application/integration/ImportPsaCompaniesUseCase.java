package dev.steward.application.integration;

import dev.steward.domain.client.Slug;
import java.util.List;
import java.util.Locale;

public interface ImportPsaCompaniesUseCase {

    /**
     * The slug a company is imported with when its row gives none, as the import screen suggests it: from the
     * company's name, else {@code company-<id>} (the id's letters and digits).
     *
     * @throws dev.steward.domain.problem.InvalidValue neither the name nor the id gives a valid slug
     */
    static Slug suggestedSlug(String companyId, String companyName) {
        return Slug.suggestedFor(companyName, Slug.of("company-" + companyId.toLowerCase(Locale.ROOT)
                .replaceAll("[^a-z0-9]", "")));
    }

    /**
     * Creates a client for each chosen company of the MSP's PSA — named as the company, with the row's slug (or the
     * one suggested from the name) and mapped to the company — idempotently: a company that already is a client is
     * reported as such and nothing is created, so importing twice creates nothing new. Each row stands alone: one
     * that cannot be imported (a slug taken, a company the PSA does not list) is refused on its own field and
     * creates nothing, the others are imported.
     *
     * @return one result per row, in the rows' order
     * @throws dev.steward.application.problem.InvalidCommand the command is malformed (no rows, too many)
     * @throws dev.steward.application.problem.NotFound ({@code integration}) no such integration of this MSP
     * @throws dev.steward.application.problem.Conflict ({@code integration.not-a-psa}) it is not a connected PSA
     *     with a company directory
     */
    List<ImportedCompany> importCompanies(ImportPsaCompaniesCommand command);
}
