package dev.steward.adapter.web.http;

import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;

/**
 * Conditional GETs (RFC 9110 §13.1.2): a response carries its {@code ETag}; a request whose {@code If-None-Match}
 * names it gets a bodiless 304, so a dashboard polling unchanged data costs almost nothing on the wire.
 */
public final class Conditionals {

    private Conditionals() {
    }

    /**
     * Sets {@code ETag} (the answer itself is {@code Cache-Control: no-store}: the caller keeps the tag and asks
     * again with it; see {@link SecurityHeaders}). If the request's
     * {@code If-None-Match} matches {@code etag} (weak comparison), answers 304 and returns true: the caller then
     * writes nothing else.
     */
    public static boolean answeredNotModified(Context ctx, String etag) {
        ctx.header("ETag", etag);
        String header = ctx.header("If-None-Match");
        if (header == null) {
            return false;
        }
        String mine = opaque(etag);
        for (String candidate : header.split(",")) {
            String tag = candidate.strip();
            if (tag.equals("*") || opaque(tag).equals(mine)) {
                ctx.status(304);
                return true;
            }
        }
        return false;
    }

    /** A strong entity tag derived from the bytes of a representation (for resources without a version). */
    public static String digestTag(byte[] representation) {
        return "\"h" + HexFormat.of().formatHex(Digests.sha256(representation), 0, 12) + "\"";
    }

    /** {@link #digestTag(byte[])} of a text. */
    public static String digestTag(String representation) {
        return digestTag(representation.getBytes(StandardCharsets.UTF_8));
    }

    private static String opaque(String tag) {
        return tag.startsWith("W/") ? tag.substring(2) : tag;
    }
}
