package dev.steward.adapter.web.dashboard;

import dev.steward.adapter.web.dashboard.Layout.Section;
import dev.steward.adapter.web.problem.Problem;
import io.javalin.http.Context;
import java.util.Optional;

/** A problem shown to a person in the browser (the API gets the same problem as JSON). */
public final class ErrorPage {

    private ErrorPage() {
    }

    public static void write(Context ctx, Problem problem) {
        problem.headers().forEach(ctx::header);
        Layout.write(ctx, problem.status(), Layout.page(problem.title(), Section.CLIENTS, Optional.empty(), Html.of("""
                <h1>%s</h1>
                <p>%s</p>
                <p><a href="/clients">Back to the clients</a></p>
                """, problem.title(), problem.detail())));
    }
}
