package dev.steward.adapter.web.http;

import dev.steward.adapter.web.problem.RequestProblem;
import io.javalin.http.Context;
import java.util.Optional;
import java.util.UUID;

/** Reading query and path parameters and precondition headers, each refusal naming the parameter or header. */
public final class Requests {

    private Requests() {
    }

    /** An optional whole-number query parameter; {@code fallback} when absent or empty. */
    public static int intQueryParam(Context ctx, String name, int fallback) {
        String text = ctx.queryParam(name);
        if (text == null || text.isEmpty()) {
            return fallback;
        }
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw RequestProblem.invalidField(name, name + ".not-a-number", "must be a whole number (got '"
                    + clip(text) + "')");
        }
    }

    /**
     * The version an {@code If-Match} header names: our entity tags are {@code "<version>"} optionally followed by
     * {@code .<suffix>} (see {@link EntityTags}). Absent or {@code *}: empty (no precondition on the version).
     *
     * @throws RequestProblem naming {@code If-Match} if it is not one of our entity tags
     */
    public static Optional<Long> expectedVersion(Context ctx) {
        String header = ctx.header("If-Match");
        if (header == null || header.isBlank() || header.strip().equals("*")) {
            return Optional.empty();
        }
        return Optional.of(EntityTags.versionOf(header.strip()).orElseThrow(() -> RequestProblem.invalidField(
                "If-Match", "if-match.malformed", "must be one entity tag from this API's ETag header, e.g. \"3\" "
                        + "(got '" + clip(header) + "')")));
    }

    /** A path parameter that must be a UUID. @throws RequestProblem naming the parameter otherwise */
    public static UUID uuidPathParam(Context ctx, String name) {
        try {
            return UUID.fromString(ctx.pathParam(name));
        } catch (IllegalArgumentException e) {
            throw RequestProblem.invalidField(name, name + ".malformed", "must be a UUID");
        }
    }

    static String clip(String text) {
        return text.length() > 40 ? text.substring(0, 40) + "…" : text;
    }

    /**
     * Where people reach this server, e.g. {@code https://steward.example}, for links handed to them: the configured
     * public URL ({@code STEWARD_PUBLIC_URL}) when there is one, since the {@code Host} header is the caller's to
     * choose; otherwise the request's scheme (https when the request was secure, see {@code SecurityHeaders}) and
     * its {@code Host}.
     */
    public static String baseUrl(Context ctx) {
        String configured = ctx.attribute(PUBLIC_URL);
        if (configured != null) {
            return configured;
        }
        String scheme = Boolean.TRUE.equals(ctx.attribute(SECURE)) || "https".equals(ctx.scheme()) ? "https" : "http";
        return scheme + "://" + ctx.host();
    }

    /** The configured public URL ({@code STEWARD_PUBLIC_URL}, no trailing slash), set on every request when there is one. */
    public static final String PUBLIC_URL = "steward.public-url";
    /** Set on a request that arrived over TLS, directly or through a trusted proxy that said so. */
    public static final String SECURE = "steward.secure";
    /** The address a request came from, as {@code SecurityHeaders} found it (behind a trusted proxy: the client's). */
    public static final String CLIENT_ADDRESS = "steward.client-address";

    /** The address a request came from (for throttling), see {@link #CLIENT_ADDRESS}. */
    public static String clientAddress(Context ctx) {
        String address = ctx.attribute(CLIENT_ADDRESS);
        return address != null ? address : ctx.req().getRemoteAddr();
    }

    /** True for browser navigation outside the JSON API: those get an HTML page rather than problem JSON. */
    public static boolean wantsHtml(Context ctx) {
        String accept = ctx.header("Accept");
        return !ctx.path().startsWith("/api/") && accept != null && accept.contains("text/html");
    }
}
