package dev.steward.adapter.web.dashboard;

import dev.steward.adapter.web.api.ClientJson;
import dev.steward.adapter.web.api.IntegrationJson;
import dev.steward.adapter.web.api.IntegrationJson.ToolJson;
import dev.steward.adapter.web.dashboard.Layout.Section;
import dev.steward.application.provider.IntegrationKinds;
import dev.steward.domain.integration.IntegrationKind;
import dev.steward.domain.integration.SettingSpec;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The integration pages: the MSP-wide list, a client's Integrations tab (each with connect forms, one per kind, whose
 * fields come from the kind), one integration with its tool policies, and the disconnect confirmation. Secrets are
 * password fields that are never filled in again, and are shown only as "set" with their last four characters.
 */
final class IntegrationPages {

    static final List<String> POLICIES = List.of("auto", "approval_needed", "disabled");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
            .withZone(ZoneOffset.UTC);

    /**
     * A connect form as submitted: which kind's form, the server name typed (an MCP server's form), the plain settings
     * typed (secrets are never echoed), the errors.
     */
    record ConnectForm(String kind, String server, Map<String, String> settings, FormErrors errors) {
        static final ConnectForm NONE = new ConnectForm("", "", Map.of(), FormErrors.NONE);
    }

    /** The PSA company form as submitted (or as stored), and why it was refused. */
    record PsaForm(String integrationKind, String companyId, FormErrors errors) {
        static PsaForm of(ClientJson client) {
            return client.psaMapping() == null ? new PsaForm("", "", FormErrors.NONE)
                    : new PsaForm(client.psaMapping().integrationKind(), client.psaMapping().companyId(),
                            FormErrors.NONE);
        }
    }

    /** A policy form as submitted, when it was refused: which tool, and why. */
    record PolicyForm(String tool, FormErrors errors) {
        static final PolicyForm NONE = new PolicyForm("", FormErrors.NONE);
    }

    private IntegrationPages() {
    }

    static Html mspList(List<IntegrationJson> integrations, List<IntegrationKind> kinds, ConnectForm form) {
        Html body = Html.of("""
                <h1>Integrations</h1>
                <p class="help">MSP-wide integrations serve every client's agent: the PSA tickets come from, Microsoft \
                365, the documentation platform. A client's own integrations are on its Integrations tab.</p>
                <section aria-labelledby="connected-h">
                <h2 id="connected-h">Connected</h2>
                %s
                </section>
                %s
                """, table(integrations, "MSP-wide integrations"), connectSection(kinds, "/integrations", form,
                "No kind can be connected MSP-wide in this installation."));
        return Layout.page("Integrations", Section.INTEGRATIONS, Optional.empty(), body);
    }

    /**
     * The step between the connect form and the authorization server: a link, not a redirect, since the dashboard's
     * content security policy lets forms lead only to Steward itself (and the person sees where they are sent).
     */
    static Html authorizeAt(String kind, String authorizationUrl) {
        String host = java.net.URI.create(authorizationUrl).getHost();
        Html body = Html.of("""
                <h1>Authorize %s</h1>
                <p>The server asks for OAuth: authorize Steward at its authorization server, <strong>%s</strong>. It \
                sends you back here, and the server is connected with the tokens it gave.</p>
                <p><a class="button" id="authorize-link" href="%s">Continue to %s</a></p>
                <p class="help">The authorization lasts 10 minutes and is used once.</p>
                """, kind, host, authorizationUrl, host);
        return Layout.page("Authorize " + kind, Section.INTEGRATIONS, Optional.empty(), body);
    }

    static Html clientTab(ClientJson client, List<IntegrationJson> own, List<IntegrationJson> mspWide,
                          List<IntegrationKind> kinds, ConnectForm form, List<String> psaKinds, PsaForm psa,
                          Html mappings) {
        Html body = Html.of("""
                %s
                <section aria-labelledby="own-h">
                <h2 id="own-h">This client's integrations</h2>
                %s
                </section>
                <section aria-labelledby="msp-h">
                <h2 id="msp-h">MSP-wide integrations</h2>
                <p class="help">This client's agent uses these too. They are managed on the \
                <a href="/integrations">Integrations</a> page.</p>
                %s
                </section>
                %s
                %s
                %s
                """, ClientPages.tabs(client, "integrations"), table(own, "Integrations of this client"),
                table(mspWide, "MSP-wide integrations"), psaSection(client, psaKinds, psa), mappings,
                connectSection(kinds, "/clients/" + client.slug() + "/integrations", form,
                        "No kind can be connected for a single client in this installation; connect MSP-wide ones on "
                                + "the Integrations page."));
        return Layout.page(client.name() + " · Integrations", Section.CLIENTS, Optional.empty(), body);
    }

    /** Which company of which connected PSA this client is: its tickets reach its agent only when this is set. */
    private static Html psaSection(ClientJson client, List<String> psaKinds, PsaForm form) {
        if (psaKinds.isEmpty()) {
            return Html.of("""
                    <section aria-labelledby="psa-h">
                    <h2 id="psa-h">PSA company</h2>
                    <p class="help">Connect a PSA on the <a href="/integrations">Integrations</a> page first; then say \
                    here which of its companies this client is.</p>
                    </section>
                    """);
        }
        Optional<String> kindError = form.errors().on("integrationKind");
        return Html.of("""
                <section aria-labelledby="psa-h">
                <h2 id="psa-h">PSA company</h2>
                <p class="help">Tickets of this company reach this client's agent.</p>
                <form method="post" action="/clients/%s/psa-mapping" class="psa-mapping">
                %s<div class="field"><label for="integrationKind">PSA</label>
                <select id="integrationKind" name="integrationKind"%s>%s</select>%s</div>
                %s<button type="submit">Save PSA company</button>
                <button type="submit" name="remove" value="true" class="link">Remove</button>
                </form>
                </section>
                """, client.slug(), form.errors().alert("integrationKind", "companyId"),
                new Html(kindError.isPresent() ? " aria-invalid=\"true\" aria-describedby=\"integrationKind-error\"" : ""),
                Html.each(psaKinds, k -> Html.of("<option value=\"%s\"%s>%s</option>", k,
                        new Html(k.equals(form.integrationKind()) ? " selected" : ""), k)),
                kindError.map(e -> Html.of("<p class=\"field-error\" id=\"integrationKind-error\">%s</p>", e))
                        .orElse(Html.EMPTY),
                ClientPages.field("companyId", "Company id in the PSA", form.companyId(), form.errors(),
                        new Html("maxlength=\"200\" autocomplete=\"off\""),
                        new Html("ConnectWise company id, HaloPSA client id or Autotask account id")));
    }

    // the responsive table style of the clients list (rows become labelled blocks on a narrow screen)
    private static Html table(List<IntegrationJson> integrations, String caption) {
        if (integrations.isEmpty()) {
            return new Html("<p class=\"empty\">None connected.</p>");
        }
        return Html.of("""
                <table class="clients integrations">
                <caption class="visually-hidden">%s</caption>
                <thead><tr><th scope="col">Integration</th><th scope="col">Kind</th><th scope="col">Tools</th>\
                <th scope="col">Connected</th><th scope="col">Last webhook delivery</th></tr></thead>
                <tbody>
                %s</tbody>
                </table>
                """, caption, Html.each(integrations, i -> Html.of("""
                <tr data-integration="%s">
                <td data-label="Integration"><a href="/integrations/%s">%s</a></td>
                <td data-label="Kind"><code>%s</code></td>
                <td data-label="Tools">%s</td>
                <td data-label="Connected"><time datetime="%s">%s</time></td>
                <td data-label="Last webhook delivery">%s</td>
                </tr>
                """, i.kind(), i.id(), i.label(), i.kind(), i.tools().size(), i.connectedAt(),
                TIME.format(i.connectedAt()), lastDelivery(i))));
    }

    /** When the PSA's last webhook delivery was accepted, or why there is none to show. */
    private static Html lastDelivery(IntegrationJson i) {
        if (i.webhook() == null) {
            return Html.EMPTY;
        }
        if (i.webhook().lastDeliveryAt() != null) {
            return Html.of("<time data-last-delivery datetime=\"%s\">%s</time>", i.webhook().lastDeliveryAt(),
                    TIME.format(i.webhook().lastDeliveryAt()));
        }
        return Html.of("<span data-last-delivery>%s</span>", i.webhook().setup().equals("polling-only")
                ? "none (polled only)" : "none yet");
    }

    /**
     * How a PSA's events reach Steward: registered by Steward, to paste into the PSA (URL, user and the generated
     * password, which only this page shows), set up by hand, or polled only; and the last delivery accepted.
     */
    private static Html webhookSection(IntegrationJson i) {
        if (i.webhook() == null) {
            return Html.EMPTY;
        }
        IntegrationJson.WebhookJson w = i.webhook();
        String setup = switch (w.setup()) {
            case "registered" -> "registered by Steward";
            case "paste" -> "to paste into " + i.label();
            case "by-hand" -> "set up by hand";
            default -> "none: polled only";
        };
        return Html.of("""
                <section aria-labelledby="webhook-h" data-webhook="%s">
                <h2 id="webhook-h">Webhook</h2>
                <p class="help" data-webhook-note>%s</p>
                <dl class="facts">
                <dt>Webhook</dt><dd>%s</dd>
                %s%s%s<dt>Last delivery</dt><dd>%s</dd>
                </dl>
                </section>
                """, w.setup(), w.note(), setup,
                w.url() == null ? Html.EMPTY : Html.of("<dt>URL</dt><dd><code data-webhook-url>%s</code></dd>\n",
                        w.url()),
                w.user() == null ? Html.EMPTY : Html.of("<dt>User</dt><dd><code data-webhook-user>%s</code></dd>\n",
                        w.user()),
                w.secret() == null ? Html.EMPTY : Html.of("<dt>Password</dt><dd><code data-webhook-secret>%s</code>"
                        + "</dd>\n", w.secret()),
                lastDelivery(i));
    }

    private static Html connectSection(List<IntegrationKind> kinds, String action, ConnectForm form, String none) {
        Html forms = kinds.isEmpty() ? Html.of("<p class=\"empty\">%s</p>", none)
                : Html.each(kinds, kind -> connectForm(kind, action, form));
        return Html.of("""
                <section aria-labelledby="connect-h">
                <h2 id="connect-h">Connect an integration</h2>
                %s%s</section>
                """, form.kind().isEmpty() || kinds.stream().anyMatch(k -> k.name().equals(form.kind()))
                        ? Html.EMPTY : form.errors().alert(), forms);
    }

    private static Html connectForm(IntegrationKind kind, String action, ConnectForm form) {
        boolean submitted = kind.name().equals(form.kind());
        FormErrors errors = submitted ? form.errors() : FormErrors.NONE;
        boolean named = kind.name().equals(IntegrationKinds.NAMED_SERVERS);
        // values Steward writes itself (OAuth tokens) are never asked for
        List<SettingSpec> asked = kind.settings().stream().filter(spec -> !spec.written()).toList();
        String[] shown = Stream.concat(named ? Stream.of("kind") : Stream.empty(),
                asked.stream().map(SettingSpec::field)).toArray(String[]::new);
        return Html.of("""
                <details class="connect" data-kind="%s"%s>
                <summary>Connect %s</summary>
                <form method="post" action="%s" autocomplete="off">
                %s<input type="hidden" name="kind" value="%s">
                %s%s<p class="help">Secrets are stored encrypted and never shown again, only as "set" with their last \
                four characters.</p>
                <button type="submit">Connect %s</button>
                </form>
                </details>
                """, kind.name(), new Html(submitted ? " open" : ""), kind.label(), action, errors.alert(shown),
                kind.name(), named ? serverInput(kind, submitted ? form.server() : "", errors) : Html.EMPTY,
                Html.each(asked, spec -> input(kind, spec,
                        submitted ? form.settings().getOrDefault(spec.key(), "") : "", errors)),
                kind.label());
    }

    /** The name an MCP server is given: the integration is mcp:<name>, its tools mcp:<name>:<tool>. */
    private static Html serverInput(IntegrationKind kind, String typed, FormErrors errors) {
        String id = "connect-" + kind.name() + "-server";
        Optional<String> error = errors.on("kind");
        return Html.of("""
                <div class="field">
                <label for="%s">Server name <small>(a-z, 0-9 and '-'; its tools are named \
                mcp:&lt;name&gt;:&lt;tool&gt;)</small></label>
                <input id="%s" name="server" type="text" value="%s" required spellcheck="false"%s>
                %s</div>
                """, id, id, typed,
                error.isPresent() ? Html.of(" aria-invalid=\"true\" aria-describedby=\"%s-error\"", id) : Html.EMPTY,
                error.map(e -> Html.of("<p class=\"field-error\" id=\"%s-error\">%s</p>\n", id, e))
                        .orElse(Html.EMPTY));
    }

    /** A labelled input for one setting; a secret is a password field that is never filled in. */
    private static Html input(IntegrationKind kind, SettingSpec spec, String typed, FormErrors errors) {
        String id = "connect-" + kind.name() + "-" + spec.key();
        Optional<String> error = errors.on(spec.field());
        return Html.of("""
                <div class="field">
                <label for="%s">%s%s</label>
                <input id="%s" name="%s" type="%s" value="%s"%s%s%s>
                %s</div>
                """, id, spec.label(), new Html(spec.required() ? "" : " <small>(optional)</small>"), id, spec.field(),
                spec.secret() ? "password" : "text", spec.secret() ? "" : typed,
                new Html(spec.required() ? " required" : ""),
                new Html(spec.secret() ? " autocomplete=\"new-password\"" : " spellcheck=\"false\""),
                error.isPresent() ? Html.of(" aria-invalid=\"true\" aria-describedby=\"%s-error\"", id) : Html.EMPTY,
                error.map(e -> Html.of("<p class=\"field-error\" id=\"%s-error\">%s</p>\n", id, e))
                        .orElse(Html.EMPTY));
    }

    /**
     * One integration: its settings, masked secrets and a policy form per tool; for a connected PSA
     * ({@code importsCompanies}), the way to its import screen.
     */
    static Html detail(IntegrationJson i, PolicyForm refused, boolean importsCompanies) {
        Html secrets = Html.each(i.secrets().entrySet(), e -> Html.of("<dt>%s</dt><dd data-secret=\"%s\">%s</dd>\n",
                e.getKey(), e.getKey(), e.getValue().last4() == null ? "set" : "set (…" + e.getValue().last4() + ")"));
        Html settings = Html.each(i.settings().entrySet(), e -> Html.of("<dt>%s</dt><dd><code>%s</code></dd>\n",
                e.getKey(), e.getValue()));
        String back = i.client() == null ? "/integrations" : "/clients/" + i.client() + "/integrations";
        Html body = Html.of("""
                <nav class="crumbs" aria-label="Breadcrumb">%s</nav>
                <h1>%s</h1>
                <dl class="facts">
                <dt>Kind</dt><dd><code>%s</code></dd>
                <dt>Scope</dt><dd>%s</dd>
                <dt>Connected</dt><dd><time datetime="%s">%s</time></dd>
                %s%s%s</dl>
                %s<section aria-labelledby="tools-h">
                <h2 id="tools-h">Tools and their policies</h2>
                <p class="help">auto: runs at once. approval_needed: waits for a technician. disabled: hidden from the \
                agent, any call refused. Enforced by the control plane from the next call on. A sensitive tool runs \
                only for a requester whose identity was verified in the session (a Duo push, or a technician's \
                confirmation).</p>
                %s%s
                <table class="clients tools">
                <caption class="visually-hidden">Tools of %s with their policies</caption>
                <thead><tr><th scope="col">Tool</th><th scope="col">Effect</th><th scope="col">Description</th>\
                <th scope="col">Policy</th><th scope="col">Sensitive</th></tr></thead>
                <tbody>
                %s</tbody>
                </table>
                </section>
                <section class="danger" aria-labelledby="disconnect-h">
                <h2 id="disconnect-h">Disconnect</h2>
                <p>Disconnecting deletes the stored credentials and takes the tools away from every agent that \
                uses them.</p>
                <p><a href="/integrations/%s/disconnect">Disconnect %s…</a></p>
                </section>
                """, i.client() == null ? new Html("<a href=\"/integrations\">Integrations</a>")
                        : Html.of("<a href=\"/clients\">Clients</a> / <a href=\"%s\">%s</a>", back, i.client()),
                i.label(), i.kind(), i.client() == null ? "MSP-wide" : "client " + i.client(), i.connectedAt(),
                TIME.format(i.connectedAt()), i.unreachableSince() == null ? Html.EMPTY : Html.of(
                        "<dt>Status</dt><dd role=\"status\">unreachable since <time datetime=\"%s\">%s</time>;"
                        + " its tools fail at once until it answers</dd>\n", i.unreachableSince(),
                        TIME.format(i.unreachableSince())), settings, secrets, Html.of("%s%s", webhookSection(i),
                        importsCompanies ? Html.of("""
                        <p class="import-link"><a href="/integrations/%s/import">Import companies as clients</a> \
                        <span class="help">pick companies of %s; each becomes a client mapped to its company</span></p>
                        """, i.id(), i.label()) : Html.EMPTY),
                refused.equals(PolicyForm.NONE) ? Html.EMPTY : refused.errors().alert("policy"), refreshForm(i), i.label(),
                Html.each(indexed(i.tools()), t -> toolRow(i, t.index(), t.tool(), refused)), i.id(), i.label());
        return Layout.page(i.label(), i.client() == null ? Section.INTEGRATIONS : Section.CLIENTS, Optional.empty(),
                body);
    }

    /** An MCP server's tools can be listed again on demand (they also follow its list-changed notifications). */
    private static Html refreshForm(IntegrationJson i) {
        if (!i.kind().startsWith(IntegrationKinds.NAMED_SERVERS + ":")) {
            return Html.EMPTY;
        }
        return Html.of("""
                <form method="post" action="/integrations/%s/refresh" class="refresh">
                <button type="submit">List the server's tools again</button>
                <span class="help">removed tools disappear, new ones arrive with a seeded policy, kept ones keep \
                theirs</span>
                </form>
                %s""", i.id(), "oauth".equals(i.settings().get("auth")) ? Html.of("""
                <form method="post" action="/integrations/%s/authorize" class="refresh">
                <button type="submit">Authorize again</button>
                <span class="help">when the server's OAuth authorization ran out or was revoked; the tools and their \
                policies stay</span>
                </form>
                """, i.id()) : Html.EMPTY);
    }

    private record Indexed(int index, ToolJson tool) {}

    private static List<Indexed> indexed(List<ToolJson> tools) {
        return java.util.stream.IntStream.range(0, tools.size()).mapToObj(n -> new Indexed(n, tools.get(n))).toList();
    }

    private static Html toolRow(IntegrationJson i, int index, ToolJson tool, PolicyForm refused) {
        Optional<String> error = tool.name().equals(refused.tool()) ? refused.errors().on("policy") : Optional.empty();
        String id = "policy-" + index;
        return Html.of("""
                <tr data-tool="%s">
                <td data-label="Tool"><code>%s</code></td>
                <td data-label="Effect">%s</td>
                <td data-label="Description">%s</td>
                <td data-label="Policy">
                <form method="post" action="/integrations/%s/tools/%s/policy" class="policy">
                <input type="hidden" name="version" value="%s">
                <label class="visually-hidden" for="%s">Policy of %s</label>
                <select id="%s" name="policy" data-policy="%s"%s>%s</select>
                <button type="submit">Save</button>
                %s</form>
                </td>
                <td data-label="Sensitive" data-sensitive="%s">%s</td>
                </tr>
                """, tool.name(), tool.name(), tool.effect(), tool.description(), i.id(), tool.name(), i.version(), id,
                tool.name(), id, tool.policy(),
                error.isPresent() ? Html.of(" aria-invalid=\"true\" aria-describedby=\"%s-error\"", id) : Html.EMPTY,
                Html.each(POLICIES, p -> Html.of("<option value=\"%s\"%s>%s</option>", p,
                        new Html(p.equals(tool.policy()) ? " selected" : ""), p)),
                error.map(e -> Html.of("<p class=\"field-error\" id=\"%s-error\">%s</p>\n", id, e)).orElse(Html.EMPTY),
                tool.sensitive(), sensitivity(i, tool));
    }

    /** Sensitive by its kind (always), or the MSP's own mark with a button to change it. */
    private static Html sensitivity(IntegrationJson i, ToolJson tool) {
        if (tool.sensitive() && !tool.markedSensitive()) {
            return new Html("yes (always, by its kind)");
        }
        return Html.of("""
                %s
                <form method="post" action="/integrations/%s/tools/%s/sensitive" class="sensitivity">
                <input type="hidden" name="version" value="%s">
                <input type="hidden" name="sensitive" value="%s">
                <button type="submit">%s</button>
                </form>""", tool.sensitive() ? "yes" : "no", i.id(), tool.name(), i.version(), !tool.sensitive(),
                tool.sensitive() ? "Unmark" : "Mark sensitive");
    }

    /** The confirmation step before a disconnect. */
    static Html confirmDisconnect(IntegrationJson i) {
        Html body = Html.of("""
                <nav class="crumbs" aria-label="Breadcrumb"><a href="/integrations/%s">%s</a></nav>
                <h1>Disconnect %s?</h1>
                <section class="danger" aria-labelledby="confirm-h">
                <h2 id="confirm-h">This cannot be undone</h2>
                <p>The stored credentials of %s are deleted, and its %s tools are taken away from every agent that \
                uses them. To use it again, connect it again with its credentials.</p>
                <form method="post" action="/integrations/%s/disconnect">
                <button type="submit" class="danger">Disconnect %s</button>
                <a href="/integrations/%s">Cancel</a>
                </form>
                </section>
                """, i.id(), i.label(), i.label(), i.label(), i.tools().size(), i.id(), i.label(), i.id());
        return Layout.page("Disconnect " + i.label(), Section.INTEGRATIONS, Optional.empty(), body);
    }
}
