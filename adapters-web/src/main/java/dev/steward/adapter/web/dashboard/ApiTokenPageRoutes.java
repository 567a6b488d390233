package dev.steward.adapter.web.dashboard;

import dev.steward.adapter.web.dashboard.Layout.Section;
import dev.steward.adapter.web.http.CallerResolver;
import dev.steward.adapter.web.http.Requests;
import dev.steward.adapter.web.http.RouteGroup;
import dev.steward.adapter.web.problem.Problem;
import dev.steward.adapter.web.problem.ProblemMapper;
import dev.steward.application.signin.ApiTokensUseCase;
import dev.steward.application.signin.Caller;
import dev.steward.application.signin.IssuedApiToken;
import dev.steward.application.problem.ApplicationException;
import dev.steward.domain.problem.DomainException;
import dev.steward.domain.user.ApiToken;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Dashboard: {@code GET /settings/tokens} (the MSP's API tokens and a form to issue one), {@code POST
 * /settings/tokens} (issues; the secret is on that one answer only) and {@code POST /settings/tokens/{id}/revoke}.
 */
public final class ApiTokenPageRoutes implements RouteGroup {

    private final CallerResolver callers;
    private final ProblemMapper problems;
    private final ApiTokensUseCase tokens;

    @Inject
    public ApiTokenPageRoutes(CallerResolver callers, ProblemMapper problems, ApiTokensUseCase tokens) {
        this.callers = callers;
        this.problems = problems;
        this.tokens = tokens;
    }

    @Override
    public void register(JavalinConfig config) {
        config.routes.get("/settings/tokens", ctx -> render(ctx, 200, Optional.empty(), "", FormErrors.NONE));
        config.routes.post("/settings/tokens", this::issue);
        config.routes.post("/settings/tokens/{id}/revoke", this::revoke);
    }

    private void issue(Context ctx) {
        Caller caller = callers.callerOf(ctx);
        String name = Forms.orEmpty(ctx.formParam("name"));
        try {
            IssuedApiToken issued = tokens.issue(caller.msp(), caller.user(), name,
                    Optional.ofNullable(ctx.formParam("role")).filter(r -> !r.isBlank()));
            render(ctx, 201, Optional.of(issued), "", FormErrors.NONE);
        } catch (DomainException | ApplicationException e) {
            Problem problem = Forms.refusal(problems, ctx, e);
            render(ctx, problem.status(), Optional.empty(), name, FormErrors.from(problem));
        }
    }

    private void revoke(Context ctx) {
        tokens.revoke(callers.mspOf(ctx), Requests.uuidPathParam(ctx, "id"));
        Forms.seeOther(ctx, "/settings/tokens");
    }

    private void render(Context ctx, int status, Optional<IssuedApiToken> issued, String name, FormErrors errors) {
        List<ApiToken> all = tokens.list(callers.mspOf(ctx));
        Html shown = issued.map(t -> Html.of("""
                <div class="card notice" role="status">
                <p>Token <strong>%s</strong> was issued. Copy it now: it is shown only this once.</p>
                <p><code class="secret" data-field="new-token">%s</code></p>
                </div>
                """, t.token().name(), t.secret())).orElse(Html.EMPTY);
        Html rows = all.isEmpty() ? new Html("<p>No API tokens yet.</p>\n") : Html.of("""
                <table>
                <thead><tr><th scope="col">Name</th><th scope="col">Role</th><th scope="col">Ends in</th><th scope="col">Issued</th>
                <th scope="col">State</th><th scope="col"><span class="visually-hidden">Actions</span></th></tr></thead>
                <tbody>
                %s</tbody>
                </table>
                """, new Html(all.stream().map(ApiTokenPageRoutes::row).map(Html::html).collect(Collectors.joining())));
        Layout.write(ctx, status, Layout.page("API tokens", Section.SETTINGS, Optional.empty(), Html.of("""
                <h1>API tokens</h1>
                <p>Programs call the REST API with <code>Authorization: Bearer &lt;token&gt;</code>. A token acts for
                this MSP until it is revoked. <a href="/settings">Back to MSP settings</a></p>
                %s<section class="card" aria-labelledby="new-token-h">
                <h2 id="new-token-h">Issue a token</h2>
                <form method="post" action="/settings/tokens">
                %s%s%s<button type="submit">Issue token</button>
                </form>
                </section>
                <section class="card" aria-labelledby="tokens-h">
                <h2 id="tokens-h">Tokens</h2>
                %s</section>
                """, shown, errors.alert("name", "role"), ClientPages.field("name", "What the token is for", name, errors,
                        new Html("required maxlength=\"100\" autocomplete=\"off\""), Html.EMPTY),
                roleChoice(errors), rows)));
    }

    /** A token acts with at most its issuer's role; technician is the default, as for tokens issued before roles. */
    private static Html roleChoice(FormErrors errors) {
        return ClientPages.select("role", "Role the token acts with", errors, "technician",
                List.of("viewer", "technician", "admin"));
    }

    private static Html row(ApiToken token) {
        return Html.of("""
                <tr data-token="%s"><td>%s</td><td>%s</td><td><code>…%s</code></td><td>%s</td><td>%s</td><td>%s</td></tr>
                """, token.id(), token.name(), token.role().label(), token.lastFour(), token.createdAt().toString(),
                token.active() ? "active" : "revoked " + token.revokedAt().orElseThrow(),
                token.active() ? Html.of("""
                        <form method="post" action="/settings/tokens/%s/revoke"><button type="submit" \
                        aria-label="Revoke %s">Revoke</button></form>""", token.id(), token.name()) : Html.EMPTY);
    }
}
