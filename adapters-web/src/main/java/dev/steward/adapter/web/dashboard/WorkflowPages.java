package dev.steward.adapter.web.dashboard;

import dev.steward.adapter.web.api.ClientJson;
import dev.steward.adapter.web.dashboard.Layout.Section;
import dev.steward.application.workflow.WorkflowDetails;
import dev.steward.domain.workflow.Workflow;
import dev.steward.domain.workflow.WorkflowStatus;
import dev.steward.domain.workflow.WorkflowVersion;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/** The dashboard's workflow pages: the MSP's Workflows page, a client's Workflows tab, and one workflow's editor. */
final class WorkflowPages {

    private WorkflowPages() {
    }

    /** What a refused form held, so that the page shows it again with the errors. */
    record Typed(String name, String trigger, String instructions, String status, WorkflowStepForm steps) {
        static final Typed EMPTY = new Typed("", "", "", "draft", WorkflowStepForm.NONE);

        Typed withSteps(WorkflowStepForm shown) {
            return new Typed(name, trigger, instructions, status, shown);
        }
    }

    static Html mspPage(List<WorkflowDetails> mine, List<WorkflowDetails> builtIn, Typed typed, FormErrors errors) {
        Html body = Html.of("""
                <h1>Workflows</h1>
                <p>A workflow is a one-sentence trigger plus instructions. For each request the agent applies every \
                active workflow whose trigger fits; several may combine. A client's own workflow comes first, then \
                these MSP-wide ones, then Steward's built-in ones; one named like a workflow further down replaces \
                it. Quote the phrases the agent should look for without a model, e.g. \
                <code>A user says they are "locked out".</code></p>
                <section class="card" aria-labelledby="workflows-h">
                <h2 id="workflows-h">MSP-wide workflows</h2>
                %s</section>
                %s
                <section class="card" aria-labelledby="builtin-h">
                <h2 id="builtin-h">Built-in workflows</h2>
                %s</section>
                """, table(mine, true), createForm("/workflows", "New MSP-wide workflow", typed, errors),
                table(builtIn, false));
        return Layout.page("Workflows", Section.WORKFLOWS, Optional.empty(), body);
    }

    static Html clientTab(ClientJson client, List<WorkflowDetails> own, List<WorkflowDetails> mspWide, Typed typed,
                          FormErrors errors) {
        Html body = Html.of("""
                %s
                <section aria-labelledby="workflows-h">
                <h2 id="workflows-h">This client's workflows</h2>
                <p>They come before the <a href="/workflows">MSP-wide workflows</a> and replace those of the same \
                name for this client.</p>
                %s</section>
                %s
                <section aria-labelledby="msp-workflows-h">
                <h2 id="msp-workflows-h">MSP-wide workflows (read-only here)</h2>
                %s</section>
                """, ClientPages.tabs(client, "workflows"), table(own, true),
                createForm("/clients/" + client.slug() + "/workflows", "New workflow for " + client.name(), typed,
                        errors), table(mspWide, false));
        return Layout.page(client.name() + " · Workflows", Section.CLIENTS, Optional.empty(), body);
    }

    static Html editPage(WorkflowDetails details, Typed typed, FormErrors errors) {
        Workflow w = details.workflow();
        String back = details.client().map(slug -> "/clients/" + slug.value() + "/workflows").orElse("/workflows");
        Html body = Html.of("""
                <nav class="crumbs" aria-label="Breadcrumb"><a href="%s">Workflows</a> / <span>%s</span></nav>
                <h1>%s</h1>
                <p>%s · <span class="badge" data-field="status">%s</span> · version %s</p>
                %s<section class="card" aria-labelledby="edit-h">
                <h2 id="edit-h">Edit</h2>
                <form method="post" action="/workflows/%s">
                <input type="hidden" name="version" value="%s">
                %s%s%s%s<button type="submit">Save as version %s</button>
                </form>
                </section>
                <section class="card" aria-labelledby="status-h">
                <h2 id="status-h">Status</h2>
                %s</section>
                <section class="card" aria-labelledby="history-h">
                <h2 id="history-h">History</h2>
                <ol class="history" data-field="history">
                %s</ol>
                </section>
                """, back, w.name().value(), w.name().value(),
                details.client().map(slug -> "For client " + slug.value()).orElse("MSP-wide"), w.status().label(),
                w.version().number(), errors.alert(Stream.concat(Stream.of("name", "trigger",
                        "instructions"), typed.steps().fields(errors).stream()).toArray(String[]::new)), w.id(),
                w.version().number(),
                ClientPages.field("name", "Name", typed.name(), errors,
                        new Html("required maxlength=\"200\" autocomplete=\"off\""), Html.EMPTY),
                ClientPages.field("trigger", "Trigger (one sentence)", typed.trigger(), errors,
                        new Html("required maxlength=\"300\" autocomplete=\"off\""),
                        new Html("Quote the phrases to look for: <code>A user says they are \"locked out\".</code>")),
                instructions(typed.instructions(), errors), typed.steps().withEmptyRows().render(errors),
                w.version().number() + 1, statusButtons(w), Html.each(details.history(), WorkflowPages::historyItem));
        return Layout.page(w.name().value() + " · Workflow", details.client().isPresent() ? Section.CLIENTS
                : Section.WORKFLOWS, Optional.empty(), body);
    }

    private static Html historyItem(WorkflowVersion version) {
        return Html.of("<li>Version %s by %s at <time>%s</time></li>\n", version.number(), version.changedBy(),
                shown(version.changedAt()));
    }

    /** To the second, in UTC: what a person compares. */
    private static String shown(Instant at) {
        return at.truncatedTo(ChronoUnit.SECONDS).toString();
    }

    private static Html table(List<WorkflowDetails> workflows, boolean changeable) {
        if (workflows.isEmpty()) {
            return new Html("<p>No workflows yet.</p>\n");
        }
        return Html.of("""
                <table class="workflows">
                <thead><tr><th scope="col">Name</th><th scope="col">Trigger</th><th scope="col">Status</th>
                <th scope="col">Version</th><th scope="col">Changed</th>%s</tr></thead>
                <tbody>
                %s</tbody>
                </table>
                """, Html.when(changeable, new Html("<th scope=\"col\"><span class=\"visually-hidden\">Actions</span></th>")),
                Html.each(workflows, d -> row(d, changeable)));
    }

    private static Html row(WorkflowDetails details, boolean changeable) {
        Workflow w = details.workflow();
        return Html.of("""
                <tr data-workflow="%s"><td>%s</td><td class="trigger">%s</td><td><span class="badge" \
                data-field="status">%s</span></td><td>%s</td><td>%s, <time>%s</time></td>%s</tr>
                """, w.name().value(), changeable ? Html.of("<a href=\"/workflows/%s\">%s</a>", w.id(), w.name().value())
                        : Html.of("%s", w.name().value()), w.trigger().sentence(), w.status().label(),
                w.version().number(), w.version().changedBy(), shown(w.version().changedAt()),
                Html.when(changeable, Html.of("<td class=\"actions\">%s</td>", statusButtons(w))));
    }

    /** One button per status the workflow may move to. */
    private static Html statusButtons(Workflow w) {
        return Html.each(List.of(WorkflowStatus.ACTIVE, WorkflowStatus.ARCHIVED, WorkflowStatus.DRAFT).stream()
                .filter(w.status()::canMoveTo).toList(), target -> Html.of("""
                <form method="post" action="/workflows/%s/status" class="inline"><input type="hidden" name="status" \
                value="%s"><button type="submit" aria-label="%s %s">%s</button></form>
                """, w.id(), target.label(), verb(target), w.name().value(), verb(target)));
    }

    private static String verb(WorkflowStatus target) {
        return switch (target) {
            case ACTIVE -> "Activate";
            case ARCHIVED -> "Archive";
            case DRAFT -> "Back to draft";
        };
    }

    private static Html createForm(String action, String title, Typed typed, FormErrors errors) {
        return Html.of("""
                <section class="card" aria-labelledby="new-workflow-h">
                <h2 id="new-workflow-h">%s</h2>
                <form method="post" action="%s">
                %s%s%s%s%s%s<button type="submit">Create workflow</button>
                </form>
                </section>
                """, title, action, errors.alert(Stream.concat(Stream.of("name", "trigger", "instructions", "status"),
                        typed.steps().fields(errors).stream()).toArray(String[]::new)),
                ClientPages.field("name", "Name", typed.name(), errors,
                        new Html("required maxlength=\"200\" autocomplete=\"off\""), Html.EMPTY),
                ClientPages.field("trigger", "Trigger (one sentence)", typed.trigger(), errors,
                        new Html("required maxlength=\"300\" autocomplete=\"off\""),
                        new Html("Quote the phrases to look for: <code>A user says they are \"locked out\".</code>")),
                instructions(typed.instructions(), errors), typed.steps().withEmptyRows().render(errors),
                ClientPages.select("status", "Status", errors, typed.status(), List.of("draft", "active")));
    }

    private static Html instructions(String value, FormErrors errors) {
        Optional<String> error = errors.on("instructions");
        return Html.of("""
                <div class="field">
                <label for="instructions">Instructions</label>
                <textarea id="instructions" name="instructions" rows="6" maxlength="20000"%s>
                %s</textarea>
                %s</div>
                """, error.isPresent() ? new Html(" aria-invalid=\"true\" aria-describedby=\"instructions-error\"")
                        : Html.EMPTY, value,
                error.map(e -> Html.of("<p class=\"field-error\" id=\"instructions-error\">%s</p>\n", e))
                        .orElse(Html.EMPTY));
    }
}
