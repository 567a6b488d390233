package dev.steward.adapter.web.dashboard;

import dev.steward.adapter.web.signin.SignInGate;
import dev.steward.application.security.Permission;
import dev.steward.application.signin.Caller;
import io.javalin.http.Context;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The page shell every dashboard page shares, and the headers every HTML response carries. */
final class Layout {

    static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            + "connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

    enum Section { CLIENTS, WORKFLOWS, ACTIVITY, SETTINGS, INTEGRATIONS, APPROVALS, USERS, ACCOUNT }

    private static final String ACCOUNT = "<!--account-->";
    /** The Users link, kept only for callers who may manage users. */
    private static final Pattern USERS_LINK = Pattern.compile("<!--users-->(.*?)<!--/users-->");
    private static final Pattern POST_FORM = Pattern.compile("<form\\b[^>]*\\bmethod=\"post\"[^>]*>",
            Pattern.CASE_INSENSITIVE);

    private Layout() {
    }

    /**
     * @param refresh the JSON API URL whose clients' status the page re-reads every 5 seconds, if any
     */
    static Html page(String title, Section section, Optional<String> refresh, Html body) {
        return Html.of("""
                <!doctype html>
                <html lang="en">
                <head>
                <meta charset="utf-8">
                <meta name="viewport" content="width=device-width, initial-scale=1">
                <title>%s · Steward</title>
                <link rel="stylesheet" href="/assets/dashboard.css">
                <script src="/assets/dashboard.js" defer></script>
                </head>
                <body>
                <a class="skip" href="#main">Skip to content</a>
                <header class="top">
                <a class="brand" href="/clients">Steward</a>
                <nav aria-label="Main">
                <a href="/clients"%s>Clients</a>
                <a href="/workflows"%s>Workflows</a>
                <a href="/activity"%s>Activity</a>
                <a href="/settings"%s>MSP settings</a>
                <a href="/integrations"%s>Integrations</a>
                <a href="/approvals"%s>Approvals</a>
                <!--users--><a href="/users"%s>Users</a><!--/users-->
                </nav>
                <!--account-->
                </header>
                <main id="main"%s>
                %s
                </main>
                </body>
                </html>
                """, title, current(section == Section.CLIENTS), current(section == Section.WORKFLOWS),
                current(section == Section.ACTIVITY),
                current(section == Section.SETTINGS), current(section == Section.INTEGRATIONS),
                current(section == Section.APPROVALS), current(section == Section.USERS),
                refresh.map(url -> Html.of(" data-refresh=\"%s\"", url)).orElse(Html.EMPTY), body);
    }

    private static Html current(boolean yes) {
        return yes ? new Html(" aria-current=\"page\"") : Html.EMPTY;
    }

    /**
     * Writes an HTML page with the dashboard's security headers. For a signed-in browser it adds who is signed in
     * (with Sign out) and stamps the session's CSRF token into every POST form, so that no page can forget it.
     */
    static void write(Context ctx, int status, Html page) {
        String html = page.html();
        Caller caller = ctx.attribute(SignInGate.CALLER);
        boolean managesUsers = caller != null && Permission.MANAGE_USERS.heldBy(caller.role());
        html = USERS_LINK.matcher(html).replaceAll(link -> managesUsers ? Matcher.quoteReplacement(link.group(1)) : "");
        if (caller != null && caller.browser()) {
            Html field = Html.of("<input type=\"hidden\" name=\"%s\" value=\"%s\">", SignInGate.CSRF_FIELD,
                    caller.csrfToken().orElseThrow());
            html = html.replace(ACCOUNT, Html.of("""
                    <div class="account"><a class="who" href="/account">%s</a>
                    <form method="post" action="/logout"><button type="submit" class="link">Sign out</button></form>
                    </div>""", caller.actor()).html());
            html = POST_FORM.matcher(html).replaceAll(form -> Matcher.quoteReplacement(form.group() + field.html()));
        }
        ctx.status(status)
                .header("Content-Security-Policy", CSP)
                .header("X-Content-Type-Options", "nosniff")
                .header("Referrer-Policy", "same-origin")
                .header("Cache-Control", "no-store")
                .contentType("text/html; charset=utf-8")
                .result(html);
    }
}
