package dev.steward.adapter.web.dashboard;

import dev.steward.adapter.web.api.ClientJson;
import dev.steward.adapter.web.api.DryRunJson;
import dev.steward.adapter.web.dashboard.Layout.Section;
import dev.steward.adapter.web.http.CallerResolver;
import dev.steward.adapter.web.http.RouteGroup;
import dev.steward.adapter.web.problem.Problem;
import dev.steward.adapter.web.problem.ProblemMapper;
import dev.steward.application.client.GetClientUseCase;
import dev.steward.application.dryrun.DryRunCommand;
import dev.steward.application.dryrun.DryRunUseCase;
import dev.steward.application.problem.ApplicationException;
import dev.steward.application.signin.Caller;
import dev.steward.domain.problem.DomainException;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import jakarta.inject.Inject;
import java.util.Optional;

/**
 * Dashboard: a client's Dry run tab ({@code GET|POST /clients/{slug}/dry-run}): a ticket number or a pasted text,
 * and after a run the note the agent would post, the workflows that matched and every tool call.
 */
public final class DryRunPageRoutes implements RouteGroup {

    private final CallerResolver caller;
    private final ProblemMapper problems;
    private final GetClientUseCase get;
    private final DryRunUseCase dryRun;

    @Inject
    public DryRunPageRoutes(CallerResolver caller, ProblemMapper problems, GetClientUseCase get, DryRunUseCase dryRun) {
        this.caller = caller;
        this.problems = problems;
        this.get = get;
        this.dryRun = dryRun;
    }

    @Override
    public void register(JavalinConfig config) {
        config.routes.get("/clients/{slug}/dry-run", ctx -> render(ctx, 200, "", "", FormErrors.NONE,
                Optional.empty()));
        config.routes.post("/clients/{slug}/dry-run", this::run);
    }

    private void run(Context ctx) {
        Caller who = caller.callerOf(ctx);
        String ticket = Forms.orEmpty(ctx.formParam("ticket"));
        String text = Forms.orEmpty(ctx.formParam("text"));
        try {
            DryRunJson result = DryRunJson.from(dryRun.run(new DryRunCommand(who.msp(), ctx.pathParam("slug"),
                    ticket, text, who.actor())));
            render(ctx, 200, ticket, text, FormErrors.NONE, Optional.of(result));
        } catch (DomainException | ApplicationException e) {
            Problem problem = Forms.refusal(problems, ctx, e);
            render(ctx, problem.status(), ticket, text, FormErrors.from(problem), Optional.empty());
        }
    }

    private void render(Context ctx, int status, String ticket, String text, FormErrors errors,
                        Optional<DryRunJson> result) {
        ClientJson client = ClientJson.from(get.get(caller.mspOf(ctx), ctx.pathParam("slug")));
        Html body = Html.of("""
                %s
                <section aria-labelledby="dry-run-h">
                <h2 id="dry-run-h">Dry run</h2>
                <p class="help">Runs this client's agent in plan mode against a ticket of its PSA company or a pasted \
                request. Read tools run for real; write tools are only planned; nothing is posted to the ticket.</p>
                <form method="post" action="/clients/%s/dry-run" class="dry-run">
                %s%s<div class="field"><label for="text">Or a pasted request</label>
                <textarea id="text" name="text" rows="5" maxlength="20000"%s>%s</textarea>%s</div>
                <button type="submit">Run dry</button>
                </form>
                </section>
                %s
                """, ClientPages.tabs(client, "dry-run"), client.slug(), errors.alert("ticket", "text"),
                ClientPages.field("ticket", "Ticket number", ticket, errors, new Html("maxlength=\"64\""),
                        Html.EMPTY),
                errors.on("text").isPresent() ? new Html(" aria-invalid=\"true\" aria-describedby=\"text-error\"")
                        : Html.EMPTY, text,
                errors.on("text").map(e -> Html.of("<p class=\"field-error\" id=\"text-error\">%s</p>", e))
                        .orElse(Html.EMPTY),
                result.map(DryRunPageRoutes::result).orElse(Html.EMPTY));
        Layout.write(ctx, status, Layout.page(client.name() + " · Dry run", Section.CLIENTS, Optional.empty(), body));
    }

    private static Html result(DryRunJson run) {
        return Html.of("""
                <section aria-labelledby="dry-result-h" data-dry-run="%s">
                <h2 id="dry-result-h">The note it would post</h2>
                <pre class="preview" data-field="note" tabindex="0">%s</pre>
                <h3>Workflows that matched</h3>
                <ul data-field="workflows">%s</ul>
                <h3>Tool calls</h3>
                <table class="clients" data-field="tool-calls">
                <thead><tr><th scope="col">Tool</th><th scope="col">Outcome</th><th scope="col">Result</th></tr></thead>
                <tbody>%s</tbody>
                </table>
                </section>
                """, run.ticket(), run.note(),
                run.workflows().isEmpty() ? new Html("<li>none</li>")
                        : Html.each(run.workflows(), w -> Html.of("<li>%s (version %s)</li>", w.name(), w.version())),
                run.toolCalls().isEmpty() ? new Html("<tr><td colspan=\"3\">none</td></tr>")
                        : Html.each(run.toolCalls(), c -> Html.of(
                                "<tr><td data-label=\"Tool\"><code>%s</code></td><td data-label=\"Outcome\">%s</td>"
                                        + "<td data-label=\"Result\">%s</td></tr>", c.tool(), c.outcome(),
                                c.result())));
    }
}
