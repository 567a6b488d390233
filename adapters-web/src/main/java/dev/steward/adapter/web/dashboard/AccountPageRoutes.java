package dev.steward.adapter.web.dashboard;

import dev.steward.adapter.web.dashboard.Layout.Section;
import dev.steward.adapter.web.http.CallerResolver;
import dev.steward.adapter.web.http.Requests;
import dev.steward.adapter.web.http.RouteGroup;
import dev.steward.adapter.web.problem.Problem;
import dev.steward.adapter.web.problem.ProblemMapper;
import dev.steward.adapter.web.signin.SessionCookie;
import dev.steward.application.problem.ApplicationException;
import dev.steward.application.problem.NotFound;
import dev.steward.application.signin.Caller;
import dev.steward.application.signin.SignInCommand;
import dev.steward.application.signin.SignInService;
import dev.steward.application.signin.SignInUseCase;
import dev.steward.application.signin.SignedIn;
import dev.steward.application.user.PasswordsUseCase;
import dev.steward.domain.problem.DomainException;
import dev.steward.domain.user.User;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import jakarta.inject.Inject;
import java.util.Optional;

/**
 * Everyone's own password: {@code GET/POST /account} (change it, knowing the current one; every session ends and this
 * browser is signed in again with the new one) and the one-time link an admin hands out,
 * {@code GET/POST /set-password/{token}} (public: the link is the credential; used up on success).
 */
public final class AccountPageRoutes implements RouteGroup {

    private final CallerResolver callers;
    private final ProblemMapper problems;
    private final PasswordsUseCase passwords;
    private final SignInUseCase signIn;

    @Inject
    public AccountPageRoutes(CallerResolver callers, ProblemMapper problems, PasswordsUseCase passwords,
                             SignInUseCase signIn) {
        this.callers = callers;
        this.problems = problems;
        this.passwords = passwords;
        this.signIn = signIn;
    }

    @Override
    public void register(JavalinConfig config) {
        config.routes.get("/account", ctx -> account(ctx, 200, ctx.queryParam("changed") != null, FormErrors.NONE));
        config.routes.post("/account/password", this::change);
        config.routes.get("/set-password/{token}", ctx -> setPassword(ctx, 200, FormErrors.NONE));
        config.routes.post("/set-password/{token}", this::set);
    }

    private void change(Context ctx) {
        Caller caller = callers.callerOf(ctx);
        String next = ctx.formParam("newPassword");
        try {
            User user = passwords.change(caller.user(), ctx.formParam("currentPassword"), next);
            if (caller.browser()) {
                // the change ended every session, this one too: sign this browser in again with the new password
                SignedIn again = signIn.signIn(new SignInCommand(user.email().value(), next,
                        Requests.clientAddress(ctx)));
                SessionCookie.set(ctx, again.sessionToken(), SignInService.SESSION_LENGTH);
            }
            Forms.seeOther(ctx, "/account?changed");
        } catch (DomainException | ApplicationException e) {
            Problem problem = Forms.refusal(problems, ctx, e);
            account(ctx, problem.status(), false, FormErrors.from(problem));
        }
    }

    private void account(Context ctx, int status, boolean changed, FormErrors errors) {
        Caller caller = callers.callerOf(ctx);
        Layout.write(ctx, status, Layout.page("Your password", Section.ACCOUNT, Optional.empty(), Html.of("""
                <h1>Your password</h1>
                <p>Signed in as <strong>%s</strong> (%s).</p>
                %s<section class="card" aria-labelledby="password-h">
                <h2 id="password-h">Change your password</h2>
                <form method="post" action="/account/password">
                %s%s%s<button type="submit">Change password</button>
                </form>
                </section>
                """, caller.actor(), caller.role().label(),
                Html.when(changed, new Html("<p class=\"card notice\" role=\"status\">Your password was changed; "
                        + "your other sessions were signed out.</p>\n")),
                errors.alert("currentPassword", "newPassword"),
                ClientPages.field("currentPassword", "Current password", "", errors,
                        new Html("type=\"password\" required autocomplete=\"current-password\""), Html.EMPTY),
                ClientPages.field("newPassword", "New password", "", errors,
                        new Html("type=\"password\" required minlength=\"12\" autocomplete=\"new-password\""),
                        new Html("At least 12 characters.")))));
    }

    private void set(Context ctx) {
        try {
            passwords.setWithLink(ctx.pathParam("token"), ctx.formParam("newPassword"));
            Layout.write(ctx, 200, Layout.page("Password set", Section.ACCOUNT, Optional.empty(), new Html("""
                    <section class="card sign-in"><h1>Your password is set</h1>
                    <p><a href="/login">Sign in</a> with it now.</p></section>
                    """)));
        } catch (NotFound e) {
            unusable(ctx);
        } catch (DomainException | ApplicationException e) {
            Problem problem = Forms.refusal(problems, ctx, e);
            setPassword(ctx, problem.status(), FormErrors.from(problem));
        }
    }

    private void setPassword(Context ctx, int status, FormErrors errors) {
        Optional<User> holder = passwords.linkHolder(ctx.pathParam("token"));
        if (holder.isEmpty()) {
            unusable(ctx);
            return;
        }
        Layout.write(ctx, status, Layout.page("Set your password", Section.ACCOUNT, Optional.empty(), Html.of("""
                <section class="card sign-in" aria-labelledby="set-h">
                <h1 id="set-h">Set your password</h1>
                <p>For <strong>%s</strong>. This link works once.</p>
                <form method="post">
                %s%s<button type="submit">Set password</button>
                </form>
                </section>
                """, holder.get().email().value(), errors.alert("newPassword"),
                ClientPages.field("newPassword", "New password", "", errors,
                        new Html("type=\"password\" required minlength=\"12\" autocomplete=\"new-password\""),
                        new Html("At least 12 characters.")))));
    }

    private static void unusable(Context ctx) {
        Layout.write(ctx, 404, Layout.page("Link not usable", Section.ACCOUNT, Optional.empty(), new Html("""
                <section class="card sign-in"><h1>This link cannot be used</h1>
                <p>It was used already, has expired, or is not one of ours. Ask an admin of your MSP for a new one.</p>
                </section>
                """)));
    }
}
