package dev.steward.adapter.web.dashboard;

import dev.steward.adapter.web.api.ClientJson;
import dev.steward.adapter.web.api.ClientListItemJson;
import dev.steward.adapter.web.api.ClientUsageJson;
import dev.steward.adapter.web.api.ClientPageJson;
import dev.steward.adapter.web.api.StatusChangeJson;
import dev.steward.adapter.web.dashboard.Layout.Section;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;

/** The client pages: the list with the New Client form, and the detail's Overview and Prompt tabs. */
final class ClientPages {

    static final List<String> STATUSES = List.of("creating", "provisioning", "pending", "active", "error", "destroyed");
    static final String SLUG_PATTERN = "[a-z0-9]([a-z0-9\\-]*[a-z0-9])?";
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'")
            .withZone(ZoneOffset.UTC);

    /** What the list was asked for (echoed in the filter form and the next-page link). */
    record ListFilter(String search, String status, String after) {
    }

    /** The New Client form's values and errors. */
    record NewClientForm(String name, String slug, FormErrors errors) {
        static final NewClientForm EMPTY = new NewClientForm("", "", FormErrors.NONE);
    }

    private ClientPages() {
    }

    static Html list(ClientPageJson page, ListFilter filter, NewClientForm form, String refreshUrl) {
        Html rows = Html.each(page.items(), ClientPages::row);
        Html table = page.items().isEmpty()
                ? new Html("<p class=\"empty\">No clients match. Create one below.</p>")
                : Html.of("""
                        <table class="clients">
                        <caption class="visually-hidden">Clients with their agent status, deploy status, mode, \
                        requests waiting and last activity</caption>
                        <thead><tr><th scope="col">Name</th><th scope="col">Slug</th><th scope="col">Status</th>\
                        <th scope="col">Deploy</th><th scope="col">Mode</th>\
                        <th scope="col" class="number">Requests waiting</th><th scope="col">Last activity</th></tr>\
                        </thead>
                        <tbody>
                        %s</tbody>
                        </table>
                        """, rows);
        Html next = page.next() == null ? Html.EMPTY : Html.of(
                "<p class=\"paging\"><a href=\"/clients?search=%s&amp;status=%s&amp;after=%s\">Next page</a></p>",
                filter.search(), filter.status(), page.next());
        Html body = Html.of("""
                <h1>Clients</h1>
                <form class="filters" method="get" action="/clients" role="search">
                <div class="field"><label for="search">Search name or slug</label>
                <input id="search" name="search" type="search" maxlength="100" value="%s"></div>
                <div class="field"><label for="status-filter">Status</label>
                <select id="status-filter" name="status"><option value="">Any status</option>%s</select></div>
                <button type="submit">Filter</button>
                </form>
                %s%s
                %s
                """, filter.search(), statusOptions(filter.status()), table, next, newClientForm(form));
        return Layout.page("Clients", Section.CLIENTS, Optional.of(refreshUrl), body);
    }

    private static Html statusOptions(String selected) {
        return Html.each(STATUSES, s -> Html.of("<option value=\"%s\"%s>%s</option>", s,
                new Html(s.equals(selected) ? " selected" : ""), s));
    }

    private static Html row(ClientListItemJson item) {
        ClientJson c = item.client();
        return Html.of("""
                <tr data-client="%s">
                <td data-label="Name"><a href="/clients/%s">%s</a></td>
                <td data-label="Slug"><code>%s</code></td>
                <td data-label="Status">%s</td>
                <td data-label="Deploy">%s</td>
                <td data-label="Mode">%s</td>
                <td data-label="Requests waiting" class="number" data-field="waiting">%s</td>
                <td data-label="Last activity" data-field="last-activity">%s</td>
                </tr>
                """, c.slug(), c.slug(), c.name(), c.slug(), statusBadge(c.status()), deploy(c),
                modeText(c), item.requestsWaiting(), lastActivity(item.lastActivityAt()));
    }

    /** The newest activity entry's time, or "none yet" ({@code lastActivityAt} null). */
    private static Html lastActivity(Instant lastActivityAt) {
        return Optional.ofNullable(lastActivityAt)
                .map(at -> Html.of("<time datetime=\"%s\">%s</time>", at, TIME.format(at)))
                .orElse(new Html("<span class=\"muted\">none yet</span>"));
    }

    static Html statusBadge(String status) {
        return Html.of("<span class=\"badge status-%s\" data-field=\"status\">%s</span>", status, status);
    }

    /** The deploy badge, with the error message under it when the last push failed. */
    static Html deploy(ClientJson c) {
        String message = c.deployStatus().message();
        return Html.of("<span class=\"badge deploy-%s\" data-field=\"deploy\">%s</span>"
                        + "<span class=\"deploy-error\" data-field=\"deploy-message\"%s>%s</span>",
                c.deployStatus().state(), c.deployStatus().state(), new Html(message == null ? " hidden" : ""),
                message == null ? "" : message);
    }

    private static Html modeText(ClientJson c) {
        return Html.of("<span data-field=\"effective-mode\">%s</span>%s", c.effectiveMode(),
                c.mode().equals("inherit") ? new Html(" <small>(inherited)</small>") : Html.EMPTY);
    }

    private static Html newClientForm(NewClientForm form) {
        return Html.of("""
                <section class="card" aria-labelledby="new-client">
                <h2 id="new-client">New client</h2>
                <form method="post" action="/clients" class="new-client">
                %s%s%s<button type="submit">Create client</button>
                </form>
                </section>
                """, form.errors().alert("name", "slug"),
                field("name", "Name", form.name(), form.errors(), new Html("required maxlength=\"100\""),
                        Html.EMPTY),
                field("slug", "Slug", form.slug(), form.errors(),
                        Html.of("required maxlength=\"63\" pattern=\"%s\" autocomplete=\"off\" spellcheck=\"false\" "
                                + "data-slug-from=\"name\"", SLUG_PATTERN),
                        new Html("Lowercase letters a-z, digits and hyphens; starts and ends with a letter or digit. "
                                + "Suggested from the name; it cannot be changed later.")));
    }

    /** A labelled input with optional help and the server's error for it, linked by aria-describedby. */
    static Html field(String name, String label, String value, FormErrors errors, Html attributes, Html help) {
        Optional<String> error = errors.on(name);
        String describedBy = (help.html().isEmpty() ? "" : name + "-help ") + (error.isPresent() ? name + "-error" : "");
        return Html.of("""
                <div class="field">
                <label for="%s">%s</label>
                <input id="%s" name="%s" value="%s" %s%s%s>
                %s%s</div>
                """, name, label, name, name, value, attributes,
                describedBy.isBlank() ? Html.EMPTY : Html.of(" aria-describedby=\"%s\"", describedBy.strip()),
                new Html(error.isPresent() ? " aria-invalid=\"true\"" : ""),
                help.html().isEmpty() ? Html.EMPTY : Html.of("<p class=\"help\" id=\"%s-help\">%s</p>\n", name, help),
                error.map(e -> Html.of("<p class=\"field-error\" id=\"%s-error\">%s</p>\n", name, e))
                        .orElse(Html.EMPTY));
    }

    /** A labelled drop-down of {@code options} (value = label) with {@code selected} chosen and its error shown. */
    static Html select(String name, String label, FormErrors errors, String selected, List<String> options) {
        Optional<String> error = errors.on(name);
        String choices = options.stream().map(o -> Html.of("<option value=\"%s\"%s>%s</option>\n", o,
                new Html(o.equals(selected) ? " selected" : ""), o).html()).collect(java.util.stream.Collectors.joining());
        return Html.of("""
                <div class="field">
                <label for="%s">%s</label>
                <select id="%s" name="%s"%s>
                %s</select>
                %s</div>
                """, name, label, name, name, error.isPresent()
                        ? Html.of(" aria-invalid=\"true\" aria-describedby=\"%s-error\"", name) : Html.EMPTY,
                new Html(choices),
                error.map(e -> Html.of("<p class=\"field-error\" id=\"%s-error\">%s</p>\n", name, e))
                        .orElse(Html.EMPTY));
    }

    private record Tab(String key, String label, String suffix) {
    }

    private static final List<Tab> TABS = List.of(new Tab("overview", "Overview", ""),
            new Tab("integrations", "Integrations", "/integrations"),
            new Tab("activity", "Activity", "/activity"), new Tab("prompt", "Prompt", "/prompt"),
            new Tab("workflows", "Workflows", "/workflows"),
            new Tab("diagnostics", "Diagnostics", "/diagnostics"), new Tab("dry-run", "Dry run", "/dry-run"));

    static Html tabs(ClientJson c, String active) {
        return Html.of("""
                <nav class="crumbs" aria-label="Breadcrumb"><a href="/clients">Clients</a> / <span>%s</span></nav>
                <h1>%s</h1>
                <p class="slug"><code>%s</code></p>
                <nav class="tabs" aria-label="Client sections">
                %s</nav>
                """, c.name(), c.name(), c.slug(), Html.each(TABS, tab -> Html.of("<a href=\"/clients/%s%s\"%s>%s</a>\n",
                c.slug(), tab.suffix(), new Html(tab.key().equals(active) ? " aria-current=\"page\"" : ""),
                tab.label())));
    }

    /** The Overview tab. {@code deleteErrors} and {@code modeErrors} come from a refused form submission. */
    static Html overview(ClientJson c, ClientUsageJson usage, List<StatusChangeJson> history, String mspDefaultMode,
                         FormErrors modeErrors, FormErrors deleteErrors, String refreshUrl) {
        boolean destroyed = c.status().equals("destroyed");
        boolean retryable = c.status().equals("error") || c.status().equals("pending");
        Html body = Html.of("""
                %s
                <section data-client="%s" aria-labelledby="status-h">
                <h2 id="status-h">Status</h2>
                <dl class="facts">
                <dt>Agent status</dt><dd aria-live="polite">%s</dd>
                <dt>Deploy status</dt><dd aria-live="polite">%s</dd>
                <dt>Effective mode</dt><dd><strong data-field="effective-mode">%s</strong></dd>
                <dt>Config version</dt><dd>%s</dd>
                <dt>Requests waiting</dt><dd data-field="waiting">%s</dd>
                <dt>Model tokens (%s)</dt><dd data-field="tokens">%s</dd>
                </dl>
                %s
                </section>
                %s
                <section aria-labelledby="history-h">
                <h2 id="history-h">Recent status changes</h2>
                <ol class="history" reversed>
                %s</ol>
                <p><a href="/api/v1/clients/%s/history">Full history (JSON)</a></p>
                </section>
                %s
                """, tabs(c, "overview"), c.slug(), statusBadge(c.status()), deploy(c), c.effectiveMode(),
                c.configVersion(), waiting(usage.waitingRequests()), usage.month(), tokens(usage),
                Html.when(retryable && !destroyed, Html.of("""
                        <form method="post" action="/clients/%s/retry"><button type="submit">Retry now</button></form>
                        """, c.slug())),
                destroyed ? new Html("<p class=\"notice\">This client was deleted. Its activity log is kept.</p>")
                        : modeForm(c, mspDefaultMode, modeErrors),
                Html.each(history.reversed(), ClientPages::historyItem), c.slug(),
                destroyed ? Html.EMPTY : deleteForm(c, deleteErrors));
        return Layout.page(c.name(), Section.CLIENTS, Optional.of(refreshUrl), body);
    }

    private static String waiting(int waiting) {
        return waiting == 0 ? "none" : waiting == 1 ? "1 request waiting" : waiting + " requests waiting";
    }

    private static String tokens(ClientUsageJson usage) {
        String used = String.format(java.util.Locale.ROOT, "%,d in, %,d out", usage.tokensIn(), usage.tokensOut());
        if (usage.monthlyBudget() == null) {
            return used + " (no monthly budget)";
        }
        return used + String.format(java.util.Locale.ROOT, " of a %,d-token monthly budget (%s)",
                usage.monthlyBudget(), usage.budgetSource().equals("client") ? "this client's" : "the MSP default");
    }

    private static Html modeForm(ClientJson c, String mspDefaultMode, FormErrors errors) {
        return Html.of("""
                <section aria-labelledby="mode-h">
                <h2 id="mode-h">Operating mode</h2>
                <form method="post" action="/clients/%s/mode" class="modes">
                %s<input type="hidden" name="version" value="%s">
                <div class="buttons" role="group" aria-labelledby="mode-h">
                %s%s%s</div>
                </form>
                <p class="help">Plan: diagnose and post the plan as an internal note, never act. Execute: act under each \
                tool's policy. Inherit: follow the MSP default (now <strong>%s</strong>). Takes effect on the agent's \
                next request.</p>
                </section>
                """, c.slug(), errors.alert(), c.version(),
                modeButton(c, "plan", "Plan"), modeButton(c, "execute", "Execute"),
                modeButton(c, "inherit", "Inherit"), mspDefaultMode);
    }

    private static Html modeButton(ClientJson c, String mode, String label) {
        boolean current = c.mode().equals(mode);
        return Html.of("<button type=\"submit\" name=\"mode\" value=\"%s\" aria-pressed=\"%s\"%s>%s</button>\n",
                mode, current, new Html(current ? " class=\"current\"" : ""), label);
    }

    private static Html historyItem(StatusChangeJson change) {
        return Html.of("<li><time datetime=\"%s\">%s</time> %s → <strong>%s</strong>: %s</li>\n", change.at(),
                TIME.format(change.at()), change.from() == null ? "new" : change.from(), change.to(),
                change.reason());
    }

    private static Html deleteForm(ClientJson c, FormErrors errors) {
        return Html.of("""
                <section class="danger" aria-labelledby="delete-h">
                <h2 id="delete-h">Delete client</h2>
                <p>Deleting removes the agent and its container, revokes its credentials and marks the client \
                destroyed. It cannot be undone; the activity log is kept. Type the client's name, \
                <strong>%s</strong>, exactly to confirm.</p>
                <form method="post" action="/clients/%s/delete">
                %s<input type="hidden" name="version" value="%s">
                %s<button type="submit" class="danger">Delete client</button>
                </form>
                </section>
                """, c.name(), c.slug(), errors.alert("confirmName"), c.version(),
                field("confirmName", "Client name", "", errors, new Html("required autocomplete=\"off\""),
                        Html.EMPTY));
    }

    /** The Prompt tab: the client's prompt editor and the composed result, read-only. */
    static Html prompt(ClientJson c, String prompt, long version, String composed, FormErrors errors) {
        Optional<String> error = errors.on("prompt");
        Html body = Html.of("""
                %s
                <section aria-labelledby="prompt-h">
                <h2 id="prompt-h">Client prompt</h2>
                <form method="post" action="/clients/%s/prompt">
                %s<input type="hidden" name="version" value="%s">
                <div class="field">
                <label for="prompt">Instructions for this client's agent</label>
                <textarea id="prompt" name="prompt" rows="12" maxlength="20000" aria-describedby="prompt-help%s"%s>
                %s</textarea>
                <p class="help" id="prompt-help">Layered on top of the <a href="/settings">MSP prompt</a>. Saving \
                deploys the composed prompt to the agent.</p>
                %s</div>
                <button type="submit">Save prompt</button>
                </form>
                </section>
                <section aria-labelledby="composed-h">
                <h2 id="composed-h">Composed prompt (read-only)</h2>
                <pre class="preview" tabindex="0">%s</pre>
                </section>
                """, tabs(c, "prompt"), c.slug(), errors.alert("prompt"), version,
                new Html(error.isPresent() ? " prompt-error" : ""),
                new Html(error.isPresent() ? " aria-invalid=\"true\"" : ""), prompt,
                error.map(e -> Html.of("<p class=\"field-error\" id=\"prompt-error\">%s</p>\n", e)).orElse(Html.EMPTY),
                composed);
        return Layout.page(c.name() + " · Prompt", Section.CLIENTS, Optional.empty(), body);
    }
}
