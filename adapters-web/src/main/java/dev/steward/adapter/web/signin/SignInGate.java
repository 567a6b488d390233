package dev.steward.adapter.web.signin;

import dev.steward.adapter.web.dashboard.ErrorPage;
import dev.steward.adapter.web.http.RouteGroup;
import dev.steward.adapter.web.problem.Problem;
import dev.steward.adapter.web.problem.RequestProblem;
import dev.steward.application.problem.NotSignedIn;
import dev.steward.application.security.SecretTokens;
import dev.steward.application.signin.AuthenticateUseCase;
import dev.steward.application.signin.Caller;
import dev.steward.domain.approval.UserRole;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import jakarta.inject.Inject;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Runs before every route: finds the caller from an {@code Authorization: Bearer} API token or the session cookie
 * and puts it on the request for {@link SignedInCaller}. Without valid credentials an API call gets a 401 problem and
 * a page load is sent to the sign-in page. A cookie-signed request that changes something must also carry the
 * session's CSRF token (form field {@value #CSRF_FIELD} or header {@value #CSRF_HEADER}), so another site cannot make
 * a signed-in browser act. A viewer may read everything of the MSP and change nothing. Routes that authenticate
 * otherwise (agents, PSA webhooks) or need no sign-in are listed in {@link #PUBLIC_PREFIXES}.
 */
public final class SignInGate implements RouteGroup {

    public static final String CALLER = "steward.caller";
    public static final String CSRF_FIELD = "_csrf";
    public static final String CSRF_HEADER = "X-CSRF-Token";
    static final String SIGN_IN_FIRST = "sign in first: send 'Authorization: Bearer <API token>', or sign in to the"
            + " dashboard at /login";
    private static final List<String> PUBLIC_PREFIXES = List.of("/login", "/health", "/assets/", "/agent/v1/",
            "/hooks/", "/api/v1/openapi.json");
    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS");

    private final AuthenticateUseCase authenticate;

    @Inject
    public SignInGate(AuthenticateUseCase authenticate) {
        this.authenticate = authenticate;
    }

    @Override
    public void register(JavalinConfig config) {
        config.routes.before(this::admit);
    }

    private void admit(Context ctx) {
        if (PUBLIC_PREFIXES.stream().anyMatch(ctx.path()::startsWith)) {
            return;
        }
        Optional<Caller> caller = identify(ctx);
        if (caller.isEmpty()) {
            if (ErrorPage.wanted(ctx) && "GET".equals(ctx.method().name())) {
                ctx.redirect("/login?next=" + URLEncoder.encode(pathWithQuery(ctx), StandardCharsets.UTF_8),
                        HttpStatus.SEE_OTHER);
                ctx.skipRemainingHandlers();
                return;
            }
            throw new NotSignedIn(SIGN_IN_FIRST);
        }
        boolean changes = !SAFE_METHODS.contains(ctx.method().name());
        if (caller.get().browser() && changes) {
            requireCsrfToken(ctx, caller.get().csrfToken().orElseThrow());
        }
        if (changes && caller.get().role() == UserRole.MSP_VIEWER && !ctx.path().equals("/logout")) {
            throw new RequestProblem(Problem.of(403, "Forbidden", "role.read-only",
                    "a viewer can look at everything of the MSP but change nothing; ask an admin for the technician"
                            + " role"));
        }
        ctx.attribute(CALLER, caller.get());
    }

    /** A bearer token, when sent, is the only credential looked at: a bad one is refused, not passed over. */
    private Optional<Caller> identify(Context ctx) {
        String authorization = ctx.header("Authorization");
        if (authorization != null) {
            if (!authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
                throw new NotSignedIn("the Authorization header must be 'Bearer <API token>'");
            }
            return Optional.of(authenticate.byApiToken(authorization.substring(7).strip())
                    .orElseThrow(() -> new NotSignedIn("the API token is unknown or revoked")));
        }
        String session = SessionCookie.read(ctx);
        return session == null ? Optional.empty() : authenticate.bySession(session);
    }

    private static void requireCsrfToken(Context ctx, String expected) {
        String sent = ctx.header(CSRF_HEADER);
        if (sent == null && isForm(ctx)) {
            sent = ctx.formParam(CSRF_FIELD);
        }
        if (!SecretTokens.same(expected, sent)) {
            throw new RequestProblem(Problem.of(403, "Forbidden", "csrf.invalid",
                    "this form is out of date or did not come from Steward's own pages; reload the page and try"
                            + " again"));
        }
    }

    private static boolean isForm(Context ctx) {
        String type = ctx.contentType();
        return type != null && (type.startsWith("application/x-www-form-urlencoded")
                || type.startsWith("multipart/form-data"));
    }

    private static String pathWithQuery(Context ctx) {
        return ctx.queryString() == null ? ctx.path() : ctx.path() + "?" + ctx.queryString();
    }
}
