package dev.steward.adapter.web.signin;

import dev.steward.adapter.web.http.Requests;
import dev.steward.adapter.web.http.RouteGroup;
import dev.steward.adapter.web.problem.Problem;
import dev.steward.adapter.web.problem.RequestProblem;
import dev.steward.application.operator.OperatorCredentialsUseCase;
import dev.steward.application.problem.NotSignedIn;
import dev.steward.application.security.SecretTokens;
import dev.steward.application.signin.AuthenticateUseCase;
import dev.steward.application.signin.Caller;
import dev.steward.application.security.Permission;
import dev.steward.domain.operator.Operator;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.router.Endpoint;
import jakarta.inject.Inject;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.Set;

/**
 * Runs before every matched route: looks the route up in {@link RouteRules}, finds the caller from an
 * {@code Authorization: Bearer} API token or the session cookie, checks that the caller's role holds the route's
 * {@link Permission} and puts the caller on the request for {@link SignedInCaller}. Without valid credentials an API
 * call gets a 401 problem and a page load is sent to the sign-in page; a role without the permission gets a 403
 * ({@code role.forbidden}) and nothing changes. A cookie-signed request that changes something must also carry the
 * session's CSRF token (form field {@value #CSRF_FIELD} or header {@value #CSRF_HEADER}), so another site cannot make
 * a signed-in browser act. A route without a rule is refused (and fails {@code RouteAccessTest}).
 */
public final class SignInGate implements RouteGroup {

    public static final String CALLER = "steward.caller";
    public static final String OPERATOR = "steward.operator";
    public static final String CSRF_FIELD = "_csrf";
    public static final String CSRF_HEADER = "X-CSRF-Token";
    static final String SIGN_IN_FIRST = "sign in first: send 'Authorization: Bearer <API token>', or sign in to the"
            + " dashboard at /login";
    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS");

    private final AuthenticateUseCase authenticate;
    private final OperatorCredentialsUseCase operators;

    @Inject
    public SignInGate(AuthenticateUseCase authenticate, OperatorCredentialsUseCase operators) {
        this.authenticate = authenticate;
        this.operators = operators;
    }

    @Override
    public void register(JavalinConfig config) {
        config.routes.beforeMatched(this::admit);
        // after handlers run whether or not the route threw: the request's credential is never left bound
        config.routes.after(ctx -> authenticate.endRequest());
    }

    private void admit(Context ctx) {
        Endpoint endpoint = ctx.endpoints().matchedHttpEndpoint();
        String route = endpoint.method.name() + " " + endpoint.path;
        RouteRules.Rule rule = RouteRules.of(route).orElseThrow(() -> new RequestProblem(Problem.of(403,
                "Forbidden", "route.no-rule", "this route has no access rule yet; nobody may call it")));
        switch (rule) {
            case RouteRules.Open open -> {
                if (open.audience() == RouteRules.Special.OPERATOR) {
                    admitOperator(ctx);
                }
                if (open.audience() == RouteRules.Special.PUBLIC && !SAFE_METHODS.contains(ctx.method().name())) {
                    requireSameSite(ctx);
                }
            }
            case RouteRules.Needs needs -> admitSignedIn(ctx, needs.permission());
        }
    }

    /**
     * Login CSRF: a public form (sign-in, set-password) posted from another site could sign a victim's browser in to
     * the attacker's account. Browsers say where a post comes from ({@code Sec-Fetch-Site}, {@code Origin}); a post that
     * says another site is refused. Clients that send neither (scripts, curl) are not browsers and pass.
     */
    private static void requireSameSite(Context ctx) {
        String site = ctx.header("Sec-Fetch-Site");
        String origin = ctx.header("Origin");
        boolean crossSite = site != null && !site.equals("same-origin") && !site.equals("none");
        boolean foreignOrigin = origin != null && !authorityOf(origin).equalsIgnoreCase(ctx.host());
        if (crossSite || foreignOrigin) {
            throw new RequestProblem(Problem.of(403, "Forbidden", "csrf.cross-site", "this form was posted from "
                    + "another site; open Steward's own page and submit it there"));
        }
    }

    /** {@code host[:port]} of an {@code Origin} value; anything unreadable (e.g. {@code null}) matches no host. */
    private static String authorityOf(String origin) {
        int scheme = origin.indexOf("://");
        return scheme < 0 ? "\u0000" : origin.substring(scheme + 3);
    }

    /** Only an operator credential opens an operator route: an MSP's session or API token is not one. */
    private void admitOperator(Context ctx) {
        String authorization = ctx.header("Authorization");
        if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            throw new NotSignedIn("operator routes need 'Authorization: Bearer <operator credential>'; create one "
                    + "with ./steward add-operator <name>");
        }
        Operator operator = operators.authenticate(authorization.substring(7).strip())
                .orElseThrow(() -> new NotSignedIn("the operator credential is unknown or revoked"));
        ctx.attribute(OPERATOR, operator);
    }

    private void admitSignedIn(Context ctx, Permission permission) {
        Optional<Caller> caller = identify(ctx);
        if (caller.isEmpty()) {
            if (Requests.wantsHtml(ctx) && "GET".equals(ctx.method().name())) {
                ctx.redirect("/login?next=" + URLEncoder.encode(pathWithQuery(ctx), StandardCharsets.UTF_8),
                        HttpStatus.SEE_OTHER);
                ctx.skipRemainingHandlers();
                return;
            }
            throw new NotSignedIn(SIGN_IN_FIRST);
        }
        if (caller.get().browser() && !SAFE_METHODS.contains(ctx.method().name())) {
            requireCsrfToken(ctx, caller.get().csrfToken().orElseThrow());
        }
        permission.require(caller.get().role());
        ctx.attribute(CALLER, caller.get());
    }


    /**
     * A bearer token, when sent, is the only credential looked at: a bad one is refused, not passed over. A request
     * that changes something is authenticated against the store, not a recent copy, and its credential is checked
     * again inside every transaction it opens (a token revoked on another instance is refused at once).
     */
    private Optional<Caller> identify(Context ctx) {
        boolean changes = !SAFE_METHODS.contains(ctx.method().name());
        String authorization = ctx.header("Authorization");
        if (authorization != null) {
            if (!authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
                throw new NotSignedIn("the Authorization header must be 'Bearer <API token>'");
            }
            String token = authorization.substring(7).strip();
            return Optional.of((changes ? authenticate.byApiTokenToChange(token) : authenticate.byApiToken(token))
                    .orElseThrow(() -> new NotSignedIn("the API token is unknown or revoked")));
        }
        String session = SessionCookie.read(ctx);
        if (session == null) {
            return Optional.empty();
        }
        return changes ? authenticate.bySessionToChange(session) : authenticate.bySession(session);
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
