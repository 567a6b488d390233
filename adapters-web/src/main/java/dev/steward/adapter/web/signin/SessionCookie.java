package dev.steward.adapter.web.signin;

import io.javalin.http.Context;
import io.javalin.http.Cookie;
import io.javalin.http.SameSite;
import java.time.Duration;

/**
 * The browser session cookie: HttpOnly (scripts never see it), SameSite=Lax (not sent on cross-site posts; links
 * from mail still open the dashboard signed in), Secure whenever the request came over TLS, directly or through a
 * proxy that says so.
 */
public final class SessionCookie {

    static final String NAME = "steward_session";

    private SessionCookie() {
    }

    public static String read(Context ctx) {
        return ctx.cookie(NAME);
    }

    public static void set(Context ctx, String token, Duration lifetime) {
        ctx.cookie(new Cookie(NAME, token, "/", (int) lifetime.toSeconds(), secure(ctx), true, null,
                SameSite.LAX));
    }

    public static void clear(Context ctx) {
        ctx.cookie(new Cookie(NAME, "", "/", 0, secure(ctx), true, null, SameSite.LAX));
    }

    private static boolean secure(Context ctx) {
        return "https".equalsIgnoreCase(ctx.scheme()) || "https".equalsIgnoreCase(ctx.header("X-Forwarded-Proto"));
    }
}
