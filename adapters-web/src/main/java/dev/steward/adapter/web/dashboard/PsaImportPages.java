package dev.steward.adapter.web.dashboard;

import dev.steward.adapter.web.api.ClientMappingJson.DirectoryPageJson;
import dev.steward.adapter.web.api.ClientMappingJson.EntryJson;
import dev.steward.adapter.web.api.IntegrationJson;
import dev.steward.adapter.web.dashboard.Layout.Section;
import dev.steward.application.integration.ImportPsaCompaniesUseCase;
import dev.steward.application.integration.ImportedCompany;
import dev.steward.application.problem.FieldViolation;
import dev.steward.domain.client.Slug;
import dev.steward.domain.problem.DomainException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The import screen of a connected PSA: a search, one page of its companies — each a row with a box to pick it, its
 * name and detail, the slug its client gets (suggested from the name, editable) and, after an import, what became of
 * it — and the next page.
 */
final class PsaImportPages {

    /** One row of the submitted page: the company, whether it was picked, and the slug typed for it. */
    record Picked(String companyId, boolean picked, String slug) {}

    /**
     * The screen's state: the search and page shown, the rows as submitted (none when browsing), the import's result
     * per company (after an import), and why the form was refused.
     */
    record ImportForm(String search, String cursor, List<Picked> rows, Optional<Map<String, ImportedCompany>> results,
                      FormErrors errors) {

        static ImportForm browsing(String search, String cursor) {
            return new ImportForm(search, cursor, List.of(), Optional.empty(), FormErrors.NONE);
        }

        ImportForm withErrors(FormErrors shown) {
            return new ImportForm(search, cursor, rows, results, shown);
        }
    }

    private PsaImportPages() {
    }

    /** @param clients the slug of the client each company on the page already is */
    static Html page(IntegrationJson psa, Optional<DirectoryPageJson> page, Map<String, Slug> clients,
                     ImportForm form) {
        String action = "/integrations/" + psa.id() + "/import";
        Html body = Html.of("""
                <nav class="crumbs" aria-label="Breadcrumb"><a href="/integrations">Integrations</a> / \
                <a href="/integrations/%s">%s</a></nav>
                <h1>Import companies from %s</h1>
                <p class="help">Pick the companies that should become clients. Each becomes a client named as the \
                company, with the slug shown (edit it if you like), mapped to the company so its tickets reach its \
                agent. A company that is a client already is left as it is, so importing again creates nothing new.</p>
                <form method="get" action="%s" class="directory-search" role="search">
                <div class="field"><label for="search">Search by name</label>
                <input id="search" name="search" value="%s" maxlength="100" autocomplete="off"></div>
                <button type="submit">Search</button>
                </form>
                %s%s""", psa.id(), psa.label(), psa.label(), action, form.search(), summary(form),
                page.map(p -> companies(action, p, clients, form)).orElse(Html.of(
                        "%s<p class=\"empty\">The PSA's companies could not be read; see the message above.</p>",
                        form.errors().alert())));
        return Layout.page("Import from " + psa.label(), Section.INTEGRATIONS, Optional.empty(), body);
    }

    private static Html summary(ImportForm form) {
        return form.results().map(results -> Html.of(
                "<p role=\"status\" data-field=\"summary\">%s created, %s already clients, %s refused.</p>\n",
                count(results, ImportedCompany.Outcome.CREATED), count(results, ImportedCompany.Outcome.ALREADY_A_CLIENT),
                count(results, ImportedCompany.Outcome.REFUSED))).orElse(Html.EMPTY);
    }

    private static long count(Map<String, ImportedCompany> results, ImportedCompany.Outcome outcome) {
        return results.values().stream().filter(r -> r.outcome() == outcome).count();
    }

    private static Html companies(String action, DirectoryPageJson page, Map<String, Slug> clients,
                                  ImportForm form) {
        if (page.entries().isEmpty()) {
            return Html.of("%s<p class=\"empty\">No company matches.</p>", form.errors().alert());
        }
        Map<String, Picked> submitted = form.rows().stream()
                .collect(Collectors.toMap(Picked::companyId, Function.identity(), (a, b) -> a));
        List<EntryJson> entries = page.entries();
        Html rows = Html.each(java.util.stream.IntStream.range(0, entries.size()).boxed().toList(),
                i -> row(i, entries.get(i), Optional.ofNullable(submitted.get(entries.get(i).id())),
                        form.results().map(r -> r.get(entries.get(i).id())),
                        Optional.ofNullable(clients.get(entries.get(i).id()))));
        return Html.of("""
                <form method="post" action="%s" class="psa-import">
                %s<input type="hidden" name="search" value="%s">
                <input type="hidden" name="cursor" value="%s">
                <table class="clients directory">
                <caption class="visually-hidden">Companies of the PSA, to pick for import</caption>
                <thead><tr><th scope="col">Import</th><th scope="col">Company</th><th scope="col">Detail</th>\
                <th scope="col">Slug</th><th scope="col">Result</th></tr></thead>
                <tbody>
                %s</tbody>
                </table>
                <button type="submit">Import the picked companies</button>
                </form>
                %s""", action, form.errors().alert(), form.search(), form.cursor(), rows,
                page.next() == null ? Html.EMPTY : Html.of("<p><a href=\"%s?search=%s&amp;cursor=%s\" rel=\"next\">"
                        + "Next page</a></p>\n", action, new Html(Forms.encode(form.search())),
                        new Html(Forms.encode(page.next()))));
    }

    /**
     * One company: picked again after an import only if it was refused (to fix and import again); its slug as typed,
     * else the suggested one; a refused slug's error on the slug field; the import's result, else the client it
     * already is.
     */
    private static Html row(int index, EntryJson company, Optional<Picked> submitted,
                            Optional<ImportedCompany> result, Optional<Slug> client) {
        String prefix = "rows[" + index + "]";
        String pickId = "pick-" + index;
        String slugId = "slug-" + index;
        boolean refused = result.filter(r -> r.outcome() == ImportedCompany.Outcome.REFUSED).isPresent();
        boolean picked = submitted.map(Picked::picked).orElse(false) && (result.isEmpty() || refused);
        String slug = submitted.map(Picked::slug).filter(s -> !s.isEmpty()).orElseGet(() -> suggested(company));
        Optional<String> slugError = result.flatMap(r -> r.problems().stream()
                .filter(p -> p.field().endsWith(".slug")).map(FieldViolation::message).findFirst());
        return Html.of("""
                <tr data-company="%s">
                <td data-label="Import"><input type="checkbox" id="%s" name="%s.pick" value="on"%s>\
                <label class="visually-hidden" for="%s">Import %s</label>\
                <input type="hidden" name="%s.companyId" value="%s"></td>
                <td data-label="Company">%s</td>
                <td data-label="Detail">%s</td>
                <td data-label="Slug"><label class="visually-hidden" for="%s">Slug for %s</label>\
                <input id="%s" name="%s.slug" value="%s" maxlength="63" spellcheck="false" autocomplete="off"%s>%s</td>
                <td data-label="Result" data-field="result">%s</td>
                </tr>
                """, company.id(), pickId, prefix, new Html(picked ? " checked" : ""), pickId, company.label(),
                prefix, company.id(), company.label(), company.detail(), slugId, company.label(), slugId, prefix,
                slug, slugError.isPresent() ? Html.of(" aria-invalid=\"true\" aria-describedby=\"%s-error\"", slugId)
                        : Html.EMPTY,
                slugError.map(e -> Html.of("<p class=\"field-error\" id=\"%s-error\">%s</p>", slugId, e))
                        .orElse(Html.EMPTY),
                result.map(PsaImportPages::outcome).orElseGet(() -> client.map(existing -> Html.of(
                        "already the client <a href=\"/clients/%s\">%s</a>", existing.value(), existing.value()))
                        .orElse(Html.EMPTY)));
    }

    private static Html outcome(ImportedCompany result) {
        return switch (result.outcome()) {
            case CREATED -> Html.of("created as <a href=\"/clients/%s\">%s</a>", slugOf(result), slugOf(result));
            case ALREADY_A_CLIENT -> Html.of("already the client <a href=\"/clients/%s\">%s</a>", slugOf(result),
                    slugOf(result));
            case REFUSED -> Html.of("<strong>refused</strong>%s", Html.each(result.problems().stream()
                    .filter(p -> !p.field().endsWith(".slug")).toList(),
                    p -> Html.of("<p class=\"field-error\">%s</p>", p.message())));
        };
    }

    private static String slugOf(ImportedCompany result) {
        return result.client().map(c -> c.slug().value()).orElse("");
    }

    /** The slug the import would give the company; empty when neither its name nor its id gives one. */
    private static String suggested(EntryJson company) {
        try {
            return ImportPsaCompaniesUseCase.suggestedSlug(company.id(), company.label()).value();
        } catch (DomainException e) {
            return "";
        }
    }
}
