package dev.steward.adapter.web.dashboard;

import dev.steward.adapter.web.dashboard.Layout.Section;
import dev.steward.adapter.web.http.Requests;
import dev.steward.adapter.web.http.RouteGroup;
import dev.steward.adapter.web.problem.Problem;
import dev.steward.adapter.web.problem.ProblemMapper;
import dev.steward.adapter.web.signin.SessionCookie;
import dev.steward.application.problem.ApplicationException;
import dev.steward.application.signin.SignInCommand;
import dev.steward.application.signin.SignInService;
import dev.steward.application.signin.SignInUseCase;
import dev.steward.application.signin.SignedIn;
import dev.steward.domain.problem.DomainException;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import jakarta.inject.Inject;
import java.util.Optional;

/**
 * Dashboard: {@code GET /login} (the sign-in form), {@code POST /login} (signs in: session cookie, then back to the
 * page that asked) and {@code POST /logout} (ends the session; the sign-in gate requires its CSRF token).
 */
public final class SignInPageRoutes implements RouteGroup {

    private final SignInUseCase signIn;
    private final ProblemMapper problems;

    @Inject
    public SignInPageRoutes(SignInUseCase signIn, ProblemMapper problems) {
        this.signIn = signIn;
        this.problems = problems;
    }

    @Override
    public void register(JavalinConfig config) {
        config.routes.get("/login", ctx -> render(ctx, 200, "", FormErrors.NONE));
        config.routes.post("/login", this::signIn);
        config.routes.post("/logout", this::signOut);
    }

    private void signIn(Context ctx) {
        String email = Forms.orEmpty(ctx.formParam("email"));
        try {
            SignedIn signedIn = signIn.signIn(new SignInCommand(email, ctx.formParam("password"),
                    Requests.clientAddress(ctx)));
            SessionCookie.set(ctx, signedIn.sessionToken(), SignInService.SESSION_LENGTH);
            Forms.seeOther(ctx, safeNext(ctx.queryParam("next")));
        } catch (DomainException | ApplicationException e) {
            Problem problem = problems.toProblem(e, ctx);
            problem.headers().forEach(ctx::header);
            render(ctx, problem.status(), email, FormErrors.from(problem));
        }
    }

    /** The sign-in gate has checked the session and its CSRF token before this runs. */
    private void signOut(Context ctx) {
        signIn.signOut(SessionCookie.read(ctx));
        SessionCookie.clear(ctx);
        Forms.seeOther(ctx, "/login");
    }

    /** Only a path on this site: an open redirect to another site after sign-in would help phishing. */
    static String safeNext(String next) {
        if (next == null || !next.startsWith("/") || next.startsWith("//") || next.contains("\\")
                || next.startsWith("/login") || next.chars().anyMatch(Character::isISOControl)) {
            return "/clients";
        }
        return next;
    }

    private static void render(Context ctx, int status, String email, FormErrors errors) {
        String next = ctx.queryParam("next");
        String action = "/login" + (next == null ? "" : "?next=" + Forms.encode(safeNext(next)));
        Layout.write(ctx, status, Layout.page("Sign in", Section.CLIENTS, Optional.empty(), Html.of("""
                <section class="card sign-in" aria-labelledby="sign-in">
                <h1 id="sign-in">Sign in to Steward</h1>
                <form method="post" action="%s">
                %s%s%s<button type="submit">Sign in</button>
                </form>
                </section>
                """, action, errors.alert("email", "password"),
                ClientPages.field("email", "Email", email, errors,
                        new Html("type=\"email\" required autocomplete=\"username\" autofocus"), Html.EMPTY),
                ClientPages.field("password", "Password", "", errors,
                        new Html("type=\"password\" required autocomplete=\"current-password\""), Html.EMPTY))));
    }
}
