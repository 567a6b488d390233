package dev.steward.adapter.web.dashboard;

import io.javalin.http.Context;
import java.util.Optional;

/** The page shell every dashboard page shares, and the headers every HTML response carries. */
final class Layout {

    static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            + "connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

    enum Section { CLIENTS, SETTINGS, INTEGRATIONS, APPROVALS }

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
                <a href="/settings"%s>MSP settings</a>
                <a href="/integrations"%s>Integrations</a>
                <a href="/approvals"%s>Approvals</a>
                </nav>
                </header>
                <main id="main"%s>
                %s
                </main>
                </body>
                </html>
                """, title, current(section == Section.CLIENTS), current(section == Section.SETTINGS),
                current(section == Section.INTEGRATIONS), current(section == Section.APPROVALS),
                refresh.map(url -> Html.of(" data-refresh=\"%s\"", url)).orElse(Html.EMPTY), body);
    }

    private static Html current(boolean yes) {
        return yes ? new Html(" aria-current=\"page\"") : Html.EMPTY;
    }

    /** Writes an HTML page with the dashboard's security headers. */
    static void write(Context ctx, int status, Html page) {
        ctx.status(status)
                .header("Content-Security-Policy", CSP)
                .header("X-Content-Type-Options", "nosniff")
                .header("Referrer-Policy", "same-origin")
                .header("Cache-Control", "no-store")
                .contentType("text/html; charset=utf-8")
                .result(page.html());
    }
}
