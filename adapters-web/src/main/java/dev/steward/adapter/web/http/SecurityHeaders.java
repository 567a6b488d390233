package dev.steward.adapter.web.http;

import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;

import java.util.Optional;

/**
 * Headers every answer carries, set before any route (and for unknown routes and errors too):
 * {@code X-Content-Type-Options: nosniff}; {@code Cache-Control: no-store} on everything but the static assets (API
 * answers and pages hold an MSP's data or secrets shown once); and {@code Strict-Transport-Security} when the request
 * is secure — over TLS, or through a trusted proxy ({@code WebSettings.trustProxy}) that says
 * {@code X-Forwarded-Proto: https}. Whether it is secure is also left on the request ({@link Requests#SECURE}), and so
 * is who sent it ({@link Requests#CLIENT_ADDRESS}), and where people reach this installation when it is configured
 * ({@link Requests#PUBLIC_URL}).
 */
public final class SecurityHeaders implements RouteGroup {

    static final String HSTS = "max-age=31536000";

    private final boolean trustProxy;
    private final Optional<String> publicUrl;

    public SecurityHeaders(boolean trustProxy) {
        this(trustProxy, Optional.empty());
    }

    public SecurityHeaders(boolean trustProxy, Optional<String> publicUrl) {
        this.trustProxy = trustProxy;
        this.publicUrl = publicUrl;
    }

    @Override
    public void register(JavalinConfig config) {
        config.routes.before(this::stamp);
    }

    private void stamp(Context ctx) {
        ctx.header("X-Content-Type-Options", "nosniff");
        if (!ctx.path().startsWith("/assets/")) {
            ctx.header("Cache-Control", "no-store");
        }
        if (secure(ctx)) {
            ctx.attribute(Requests.SECURE, true);
            ctx.header("Strict-Transport-Security", HSTS);
        }
        ctx.attribute(Requests.CLIENT_ADDRESS, clientAddress(ctx));
        publicUrl.ifPresent(url -> ctx.attribute(Requests.PUBLIC_URL, url));
    }

    /**
     * Who sent the request, for throttling sign-ins: the connecting address, or behind a trusted proxy the address
     * that proxy appended last to {@code X-Forwarded-For} (earlier entries are the client's own claims).
     */
    private String clientAddress(Context ctx) {
        String forwarded = ctx.header("X-Forwarded-For");
        if (trustProxy && forwarded != null && !forwarded.isBlank()) {
            String[] hops = forwarded.split(",");
            return hops[hops.length - 1].strip();
        }
        return ctx.req().getRemoteAddr();
    }

    private boolean secure(Context ctx) {
        return "https".equalsIgnoreCase(ctx.scheme())
                || trustProxy && "https".equalsIgnoreCase(ctx.header("X-Forwarded-Proto"));
    }
}
