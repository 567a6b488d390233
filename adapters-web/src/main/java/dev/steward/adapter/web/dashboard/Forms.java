package dev.steward.adapter.web.dashboard;

import dev.steward.adapter.web.problem.Problem;
import dev.steward.adapter.web.problem.ProblemMapper;
import dev.steward.adapter.web.problem.RequestProblem;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/** Reading dashboard form posts and turning a refused one into errors shown on the form. */
final class Forms {

    private Forms() {
    }

    /** The hidden {@code version} field the page was rendered with: the change is refused if it is stale. */
    static Optional<Long> version(Context ctx) {
        String text = ctx.formParam("version");
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Long.parseLong(text.strip()));
        } catch (NumberFormatException e) {
            throw RequestProblem.invalidField("version", "version.not-a-number", "must be a whole number");
        }
    }

    /**
     * The problem a refused submission stands for, to show on the form. A missing resource or a failure of ours is
     * not a form error: it is passed on to the error page.
     */
    static Problem refusal(ProblemMapper problems, Context ctx, RuntimeException error) {
        Problem problem = problems.toProblem(error, ctx);
        if (problem.status() == 404 || problem.status() >= 500) {
            throw error;
        }
        return problem;
    }

    /** Post/redirect/get: after a successful change the browser loads the page again. */
    static void seeOther(Context ctx, String location) {
        ctx.redirect(location, HttpStatus.SEE_OTHER);
    }

    static String encode(String value) {
        return value == null ? "" : URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    static String orEmpty(String value) {
        return value == null ? "" : value;
    }
}
